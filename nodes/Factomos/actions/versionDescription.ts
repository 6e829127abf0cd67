import type { INodeTypeDescription } from 'n8n-workflow';

import { RESOURCES } from './resources';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Factomos',
	name: 'factomos',
	icon: { light: 'file:factomos.svg', dark: 'file:factomos.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
	description: 'Create and manage invoices, estimates, clients, payments and expenses in Factomos',
	defaults: { name: 'Factomos' },
	usableAsTool: true,
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'factomosApi', required: true, testedBy: 'factomosApiTest' }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Account', value: 'account' },
				{ name: 'Client', value: 'client' },
				{ name: 'Email Template', value: 'emailTemplate' },
				{ name: 'Estimate', value: 'estimate' },
				{ name: 'Expense', value: 'expense' },
				{ name: 'Invoice', value: 'invoice' },
				{ name: 'Payment', value: 'payment' },
				{ name: 'Service', value: 'service' },
				{ name: 'Session (SSO)', value: 'session' },
			],
			default: 'invoice',
		},
		...Object.values(RESOURCES).flatMap((resource) => resource.description),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Convert Numeric Strings',
					name: 'convertNumericStrings',
					type: 'boolean',
					default: false,
					description:
						'Whether to turn amounts and IDs, which Factomos returns as text (e.g. "9500"), into numbers',
				},
				{
					displayName: 'Timeout',
					name: 'timeout',
					type: 'number',
					typeOptions: { minValue: 1000 },
					default: 30000,
					description:
						'How long to wait for Factomos to answer, in milliseconds, before the item fails. Calls are never retried automatically, so nothing is created twice.',
				},
			],
		},
	],
};
