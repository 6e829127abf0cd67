import {
	CredentialTestContext,
	ExecuteContext,
	LoadOptionsContext,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { Factomos } from '../../nodes/Factomos/Factomos.node';

/**
 * Runs the Factomos node inside n8n's real execution contexts (n8n-core), so parameters,
 * expressions and helpers.httpRequest behave as in n8n and requests really go over HTTP.
 */

export interface TestCredentials {
	token: string;
	secret: string;
	baseUrl: string;
}

export const factomosNode = new Factomos();

function nodeTypes(nodeType: INodeType) {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
}

function makeNode(parameters: INodeParameters, continueOnFail: boolean, typeVersion = 1): INode {
	const node: INode = {
		id: 'factomos-node',
		name: 'Factomos',
		type: 'n8n-nodes-factomos.factomos',
		typeVersion,
		position: [0, 0],
		parameters: {},
		credentials: { factomosApi: { id: '1', name: 'Factomos account' } },
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	node.parameters =
		NodeHelpers.getNodeParameters(
			factomosNode.description.properties,
			parameters,
			true,
			false,
			node,
			factomosNode.description,
		) ??
		parameters;
	return node;
}

/** n8n-core's execution data for a test run; a whole-workflow run passes its lifecycle hooks and execution id. */
export function additionalData(
	credentials: TestCredentials,
	run: { hooks?: unknown; executionId: string } = { executionId: 'test' },
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: {
			getDecrypted: async () => credentials as unknown as ICredentialDataDecryptedObject,
			getParentTypes: () => [],
			getCredentialsProperties: () => [],
			authenticate: async (_c: unknown, _t: string, options: unknown) => options,
			preAuthentication: async () => undefined,
		},
		hooks: run.hooks,
		executionId: run.executionId,
		restApiUrl: 'http://localhost',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		currentNodeParameters: undefined,
		userId: 'test',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

function emptyRunData(): IRunExecutionData {
	return {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			nodeExecutionStack: [],
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
}

function workflowFor(node: INode) {
	return new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypes(factomosNode) as never,
	});
}

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The node's version; 1 (what saved workflows have) unless given. */
	typeVersion?: number;
}

/** Executes the node once with `parameters` over `items` and returns its single output. */
export async function runNode(
	credentials: TestCredentials,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const node = makeNode(parameters, options.continueOnFail ?? false, options.typeVersion);
	const workflow = workflowFor(node);
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const inputData = { main: [items] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(credentials),
		'manual',
		emptyRunData(),
		0,
		items,
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	const output = await factomosNode.execute.call(context);
	return output[0];
}

/** A real LoadOptionsContext, to call listSearch / loadOptions methods. */
export function loadOptionsContext(credentials: TestCredentials, parameters: INodeParameters = {}, typeVersion = 1) {
	const node = makeNode({ resource: 'invoice', operation: 'create', ...parameters }, false, typeVersion);
	return new LoadOptionsContext(workflowFor(node), node, additionalData(credentials), 'parameters');
}

/** A real CredentialTestContext, whose request helper goes over HTTP. */
export function credentialTestContext() {
	return new CredentialTestContext();
}

/** A real ExecuteContext (as runNode builds it), to call transport functions such as factomosApiRequest directly. */
export function executeContext(credentials: TestCredentials, parameters: INodeParameters = {}): ExecuteContext {
	const node = makeNode({ resource: 'client', operation: 'getAll', ...parameters }, false);
	const items: INodeExecutionData[] = [{ json: {} }];
	const inputData = { main: [items] };
	return new ExecuteContext(
		workflowFor(node),
		node,
		additionalData(credentials),
		'manual',
		emptyRunData(),
		0,
		items,
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
}
