import type { INodeProperties } from 'n8n-workflow';

import * as check from './check.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getConnectionToken from './getConnectionToken.operation';

export const operations = { check, create, delete: del, getConnectionToken };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Check Session',
				value: 'check',
				description: 'Get the user of the Factomos session a cookie belongs to',
				action: 'Check a session',
			},
			{
				name: 'Create Session',
				value: 'create',
				description: 'Open a Factomos web session from an auth token and get its cookie',
				action: 'Create a session',
			},
			{
				name: 'Delete Session',
				value: 'delete',
				description: 'Close the Factomos web session opened with an auth token',
				action: 'Delete a session',
			},
			{
				name: 'Get Connection Token',
				value: 'getConnectionToken',
				description: 'Get a single-use auth token for single sign-on (SSO)',
				action: 'Get a connection token',
			},
		],
		default: 'getConnectionToken',
	},
	...check.description,
	...create.description,
	...del.description,
	...getConnectionToken.description,
];
