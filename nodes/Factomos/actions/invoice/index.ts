import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../node.type';
import * as create from './create.operation';
import * as createCreditNote from './createCreditNote.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getEmailHistory from './getEmailHistory.operation';
import * as send from './send.operation';
import * as update from './update.operation';

export const operations: OperationMap = { create, createCreditNote, get, getAll, getEmailHistory, send, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an invoice', action: 'Create an invoice' },
			{
				name: 'Create Credit Note',
				value: 'createCreditNote',
				description: 'Create a credit note for an invoice',
				action: 'Create a credit note for an invoice',
			},
			{ name: 'Get', value: 'get', description: 'Get an invoice', action: 'Get an invoice' },
			{
				name: 'Get Email History',
				value: 'getEmailHistory',
				description: 'Get the emails sent for an invoice',
				action: 'Get the email history of an invoice',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many invoices of a given status',
				action: 'Get many invoices',
			},
			{
				name: 'Send by Email',
				value: 'send',
				description: 'Send an invoice by email',
				action: 'Send an invoice by email',
			},
			{ name: 'Update', value: 'update', description: 'Update an invoice', action: 'Update an invoice' },
		],
		default: 'get',
	},
	...create.description,
	...createCreditNote.description,
	...get.description,
	...getAll.description,
	...getEmailHistory.description,
	...send.description,
	...update.description,
];
