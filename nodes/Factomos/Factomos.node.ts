import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeOptions, resourceProperty } from './actions/common.descriptions';
import { RESOURCES } from './actions/resources';
import { router } from './actions/router';
import { credentialTest, listSearch, loadOptions } from './methods';

export class Factomos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Factomos',
		name: 'factomos',
		icon: { light: 'file:factomos.svg', dark: 'file:factomos.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and manage invoices, estimates, clients, payments and expenses in Factomos',
		defaults: { name: 'Factomos' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'factomosApi', required: true, testedBy: 'factomosApiTest' }],
		// Each resource's fields live in actions/<resource>/, one file per operation.
		properties: [
			resourceProperty,
			...Object.values(RESOURCES).flatMap((resource) => resource.description),
			nodeOptions,
		],
	};

	methods = { credentialTest, listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
