import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations = { create, get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['expense'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Record an expense', action: 'Create an expense' },
			{ name: 'Get', value: 'get', description: 'Get an expense', action: 'Get an expense' },
			{ name: 'Update', value: 'update', description: 'Update an expense', action: 'Update an expense' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...update.description,
];
