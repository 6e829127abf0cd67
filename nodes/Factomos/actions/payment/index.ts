import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteAll from './deleteAll.operation';
import * as update from './update.operation';

export const operations = { create, deleteAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payment'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Record a payment on an invoice',
				action: 'Create a payment',
			},
			{
				name: 'Delete All for Invoice',
				value: 'deleteAll',
				description: 'Delete every payment recorded on an invoice',
				action: 'Delete all payments of an invoice',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a payment of an invoice',
				action: 'Update a payment',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteAll.description,
	...update.description,
];
