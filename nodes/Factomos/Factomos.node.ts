import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeOptions, resourceProperty } from './actions/common.descriptions';
import { RESOURCES } from './actions/resources';
import { router } from './actions/router';
import { toolDescriptionProperties } from './actions/tool.descriptions';
import { credentialTest, listSearch, loadOptions } from './methods';
import { operationSubtitle } from './helpers/utils';

export class Factomos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Factomos',
		name: 'factomos',
		icon: { light: 'file:factomos.svg', dark: 'file:factomos.dark.svg' },
		group: ['transform'],
		// 1.1: Simplify on Get Many (on by default) and several statuses on Invoice → Get Many.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: operationSubtitle(resourceProperty, RESOURCES),
		description: 'Create and manage invoices, estimates, clients, payments and expenses in Factomos',
		defaults: { name: 'Factomos' },
		// n8n applies replacements to the Factomos Tool listed in the editor only, never at execution:
		// parameter defaults of the tool come from `@tool` display conditions instead.
		usableAsTool: {
			replacements: {
				description:
					'Let an AI agent or MCP client find clients and create, read and send invoices, estimates, payments and expenses in Factomos. Each call is one of the 500 Factomos API calls a day.',
			},
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'factomosApi', required: true, testedBy: 'factomosApiTest' }],
		// Each resource's fields live in actions/<resource>/, one file per operation.
		properties: [
			// Where n8n puts the tool description it would add itself: first.
			...toolDescriptionProperties,
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
