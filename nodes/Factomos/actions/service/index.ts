import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { create, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['service'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a service or product', action: 'Create a service' },
			{ name: 'Get', value: 'get', description: 'Get a service or product', action: 'Get a service' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many services and products', action: 'Get many services' },
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
];
