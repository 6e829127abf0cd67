import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	IConnections,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IPinData,
	IRun,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { additionalData, factomosNode, type TestCredentials } from './n8n';

/**
 * Runs a two-node workflow (Items → Factomos) through n8n-core's real WorkflowExecute, the engine
 * that carries out Retry On Fail and routes items to the error output, so the node's node settings
 * behave exactly as in n8n.
 */

const ITEMS_TYPE = 'test.items';
const FACTOMOS_TYPE = 'n8n-nodes-factomos.factomos';

/** A start node that emits the items given in its `items` parameter. */
const itemsNode: INodeType = {
	description: {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	},
};

const NODE_TYPES: Record<string, INodeType> = { [ITEMS_TYPE]: itemsNode, [FACTOMOS_TYPE]: factomosNode };

/** Node settings of the Factomos node, as the editor's Settings tab stores them. */
export interface NodeSettings {
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	onError?: INode['onError'];
}

export interface WorkflowRun {
	/** The run's error when the workflow failed. */
	error: IRun['data']['resultData']['error'];
	/** Every output of the Factomos node's last run: [0] main, [1] error output when there is one. */
	outputs: INodeExecutionData[][];
}

export async function runWorkflow(
	credentials: TestCredentials,
	parameters: INodeParameters,
	items: IDataObject[],
	settings: NodeSettings = {},
): Promise<WorkflowRun> {
	const nodes: INode[] = [
		{ id: 'items', name: 'Items', type: ITEMS_TYPE, typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(items) } },
		{
			id: 'factomos',
			name: 'Factomos',
			type: FACTOMOS_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: { factomosApi: { id: '1', name: 'Factomos account' } },
			...settings,
		},
	];
	const connections = { Items: { main: [[{ node: 'Factomos', type: 'main' as const, index: 0 }]] } };
	const run = await executeWorkflow(credentials, nodes, connections, NODE_TYPES, nodes[0]);
	const runs = run.data.resultData.runData.Factomos ?? [];
	const outputs = (runs.at(-1)?.data?.main ?? []).map((output) => output ?? []);
	return { error: run.data.resultData.error, outputs };
}

/**
 * Runs `nodes` from `startNode` in n8n-core's WorkflowExecute, in manual mode as the editor's
 * Execute workflow does: a node with pinned data outputs it instead of running.
 */
export async function executeWorkflow(
	credentials: TestCredentials,
	nodes: INode[],
	connections: IConnections,
	types: Record<string, INodeType>,
	startNode: INode,
	pinData?: IPinData,
): Promise<IRun> {
	const nodeTypes = {
		getByName: (type: string) => types[type],
		getByNameAndVersion: (type: string) => types[type],
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ id: 'test-workflow', nodes, connections, active: false, nodeTypes: nodeTypes as never, pinData });
	const workflowData = { id: 'test-workflow', name: 'test workflow', nodes, connections, active: false, settings: {} } as unknown as IWorkflowBase;
	const data = additionalData(credentials, {
		hooks: new ExecutionLifecycleHooks('manual', 'test-execution', workflowData),
		executionId: 'test-execution',
	});
	return await new WorkflowExecute(data, 'manual').run(workflow, startNode, undefined, pinData);
}
