import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../node.type';
import * as buildPrefilledForm from './buildPrefilledForm.operation';
import * as convertToInvoice from './convertToInvoice.operation';
import * as create from './create.operation';
import * as get from './get.operation';

export const operations: OperationMap = { buildPrefilledForm, convertToInvoice, create, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['estimate'] } },
		options: [
			{
				name: 'Build Prefilled Form',
				value: 'buildPrefilledForm',
				description:
					'Build a page that opens the Factomos estimate form prefilled (no API call), e.g. for a Respond to Webhook node',
				action: 'Build a prefilled estimate form',
			},
			{
				name: 'Convert to Invoice',
				value: 'convertToInvoice',
				description: 'Create an invoice from an estimate',
				action: 'Convert an estimate to an invoice',
			},
			{ name: 'Create', value: 'create', description: 'Create an estimate', action: 'Create an estimate' },
			{ name: 'Get', value: 'get', description: 'Get an estimate', action: 'Get an estimate' },
		],
		default: 'get',
	},
	...buildPrefilledForm.description,
	...convertToInvoice.description,
	...create.description,
	...get.description,
];
