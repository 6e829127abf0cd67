import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as getAuthorizationUrl from './getAuthorizationUrl.operation';
import * as updateStatus from './updateStatus.operation';

export const operations = { create, delete: del, getAuthorizationUrl, updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a Factomos account, optionally with its own API token and secret',
				action: 'Create an account',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a Factomos account (partners only)',
				action: 'Delete an account',
			},
			{
				name: 'Get Authorization URL',
				value: 'getAuthorizationUrl',
				description:
					'Build the link that lets a Factomos user grant your app an API token and secret (no API call)',
				action: 'Get an authorization URL',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Set an account to active, read-only or blocked (partners only)',
				action: 'Update the status of an account',
			},
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...getAuthorizationUrl.description,
	...updateStatus.description,
];
