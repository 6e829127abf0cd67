import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const operations = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['emailTemplate'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many email templates, e.g. to pick one when sending an invoice',
				action: 'Get many email templates',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
