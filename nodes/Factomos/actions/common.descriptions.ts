import type { INodeProperties } from 'n8n-workflow';

import { TITLE_LINE_SERVICE_ID } from '../helpers/lines';

/** Fields shared by several operations; each operation adds its own show conditions. */

function locator(
	name: string,
	displayName: string,
	searchListMethod: string,
	description: string,
	required = true,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5782',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Enter a numeric ID' },
					},
				],
			},
		],
	};
}

export const clientLocator = (name = 'client_id', required = true): INodeProperties =>
	locator(name, 'Client', 'searchClients', 'The Factomos client (contact), by its numeric client ID, not its name', required);

export const supplierLocator = (name = 'supplier_id', required = true): INodeProperties =>
	locator(name, 'Supplier', 'searchSuppliers', 'A Factomos contact of category Supplier', required);

export const serviceLocator = (name = 'service_id'): INodeProperties =>
	locator(name, 'Service', 'searchServices', 'The Factomos service or product');

/** Only Invoice → Send by Email picks a template: the API documents no way to send an estimate. */
export const emailTemplateLocator = (required = false): INodeProperties =>
	locator(
		'email_template_id',
		'Email Template',
		'searchInvoiceEmailTemplates',
		'The email template to use: invoice and reminder templates (estimate templates are not listed)',
		required,
	);

export const idField = (name: string, displayName: string, hint?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 5782',
	description: `The numeric ${displayName}`,
	...(hint ? { hint } : {}),
});

export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** n8n's usual Get Many switch; from node version 1.1, so saved version-1 nodes keep the raw output. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
};

const linesInputMode: INodeProperties = {
	displayName: 'Lines Input',
	name: 'linesInputMode',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Define Below', value: 'define', description: 'Add lines one by one' },
		{
			name: 'Using JSON',
			value: 'json',
			description: 'Give all lines at once as an array, e.g. built by an expression',
		},
	],
	default: 'define',
};

// Text fields, so that a decimal comma can be typed (n8n's number input refuses "1,5").
const lineQuantity: INodeProperties = {
	displayName: 'Quantity',
	name: 'quantity',
	type: 'string',
	default: '1',
	placeholder: 'e.g. 2 or 1,5',
	description: 'Number of units; a decimal point or a decimal comma both work',
};

const linePrice: INodeProperties = {
	displayName: 'Unit Price',
	name: 'price',
	type: 'string',
	default: '',
	placeholder: 'e.g. 800 or 12,50',
	description:
		'Price before VAT; a decimal point or a decimal comma both work. When empty, the node sends an empty price and Factomos applies its own rule (the documentation does not say which price it uses then).',
};

const lineService: INodeProperties = {
	displayName: 'Service Name or ID',
	name: 'serviceId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getServices' },
	default: '',
	// A new line has no service yet: without this, n8n marks the empty value as "not supported".
	allowArbitraryValues: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

const lineDescription: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	description: 'Line text shown on the document (the title text for a title line)',
};

const notTitle = { show: { title: [false] } };
const notTitleService = { hide: { serviceId: [TITLE_LINE_SERVICE_ID] } };

/** A lines list of the Define Below mode, shown for the given node versions. */
const linesCollection = (version: INodeProperties['displayOptions'], values: INodeProperties[]): INodeProperties => ({
	displayName: 'Lines',
	name: 'lines',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Line',
	default: {},
	displayOptions: { show: { linesInputMode: ['define'], ...version?.show } },
	options: [{ displayName: 'Line', name: 'line', values }],
});

export const linesFields: INodeProperties[] = [
	{ ...linesInputMode, displayOptions: { hide: { '@tool': [true] } } },
	// The Factomos Tool: a model fills all lines as one JSON argument, not one $fromAI per line.
	{ ...linesInputMode, default: 'json', displayOptions: { show: { '@tool': [true] } } },
	/*
	 * Version 1: n8n's lint keeps five or more line fields in alphabetical order, so the Title Line
	 * switch makes the list alphabetical. Version 1.1 has four fields, in the order a person fills a
	 * line; a title line is the Service list's "Title Line" entry, service ID 75 as §17 defines it.
	 */
	linesCollection({ show: { '@version': [1] } }, [
		lineDescription,
		{ ...lineQuantity, displayOptions: notTitle },
		{ ...lineService, displayOptions: notTitle },
		{
			displayName: 'Title Line',
			name: 'title',
			type: 'boolean',
			default: false,
			description: 'Whether this line is a section title (sent as service ID 75) rather than a priced line',
		},
		{ ...linePrice, displayOptions: notTitle },
	]),
	linesCollection({ show: { '@version': [{ _cnd: { gte: 1.1 } }] } }, [
		{
			...lineService,
			description:
				'Choose from the list (its first entry, Title Line, makes the line a section title), or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		lineDescription,
		{ ...lineQuantity, displayOptions: notTitleService },
		{ ...linePrice, displayOptions: notTitleService },
	]),
	{
		displayName: 'Lines (JSON)',
		name: 'linesJson',
		type: 'json',
		default: '[\n  { "serviceId": "", "description": "", "quantity": 1, "price": "" }\n]',
		description:
			'JSON array of the lines, in order. A priced line is {"serviceId": "104997", "description": "Design", "quantity": 2, "price": 800}: serviceId is a numeric service ID, price the unit price, sent as is (left out, it is sent empty). {"title": true, "description": "Phase 2"}, or a line with service ID 75, is a section title.',
		hint: 'API field names (service_id, line_quantity…) are accepted too',
		displayOptions: { show: { linesInputMode: ['json'] } },
	},
];

/** The Resource dropdown; each resource's operations come from its own folder. */
export const resourceProperty: INodeProperties = {
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
};

/** Options shared by every operation. */
export const nodeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			// The HTTP Request node's Batching option, for reads only: writes always go one by one.
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			displayOptions: { show: { '/operation': ['get', 'getAll', 'getEmailHistory'] } },
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: -1 },
							default: 5,
							description:
								'How many read requests may wait for Factomos at once: items of a Get, pages of a Return All. -1 sends all at once, 0 is treated as 1. The number of API calls is the same either way.',
						},
						{
							displayName: 'Batch Interval (Ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 0,
							description:
								'Time (in milliseconds) between each batch of requests: with an interval, each batch waits for the previous one to answer. 0 for disabled.',
						},
					],
				},
			],
		},
		{
			displayName: 'Convert Numeric Strings',
			name: 'convertNumericStrings',
			type: 'boolean',
			default: false,
			description:
				'Whether to turn amounts and IDs, which Factomos returns as text (e.g. "9500"), into numbers',
		},
		{
			displayName: 'Return Full Document',
			name: 'returnFullDocument',
			type: 'boolean',
			default: false,
			description:
				'Whether to read the saved invoice or estimate back, to output its lines and totals as Get does, besides what Factomos answers to the write (IDs, number, document link)',
			hint: 'Costs one more API call per item (of the 500 a day)',
			displayOptions: {
				show: { '/resource': ['invoice', 'estimate'], '/operation': ['create', 'update'] },
			},
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1000 },
			default: 30000,
			description:
				"How long to wait for Factomos to answer, in milliseconds, before the item fails. The node never retries a call by itself, and with n8n's Retry On Fail it never sends an item's write again after it may have reached Factomos.",
		},
	],
};
