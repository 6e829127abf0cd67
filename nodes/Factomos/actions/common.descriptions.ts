import type { INodeProperties } from 'n8n-workflow';

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

export const emailTemplateLocator = (required = false): INodeProperties =>
	locator('email_template_id', 'Email Template', 'searchEmailTemplates', 'The email template to use', required);

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

export const linesFields: INodeProperties[] = [
	{ ...linesInputMode, displayOptions: { hide: { '@tool': [true] } } },
	// The Factomos Tool: a model fills all lines as one JSON argument, not one $fromAI per line.
	{ ...linesInputMode, default: 'json', displayOptions: { show: { '@tool': [true] } } },
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Line',
		default: {},
		displayOptions: { show: { linesInputMode: ['define'] } },
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
						description: 'Line text shown on the document (the title text for a title line)',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { numberPrecision: 3 },
						default: 1,
						displayOptions: { show: { title: [false] } },
					},
					{
						displayName: 'Service Name or ID',
						name: 'serviceId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getServices' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						displayOptions: { show: { title: [false] } },
					},
					{
						displayName: 'Title Line',
						name: 'title',
						type: 'boolean',
						default: false,
						description:
							'Whether this line is a section title (sent as service ID 75) rather than a priced line',
					},
					{
						displayName: 'Unit Price',
						name: 'price',
						type: 'string',
						default: '',
						placeholder: 'e.g. 800',
						description:
							'Price before VAT. When empty, the node sends an empty price and Factomos applies its own rule (the documentation does not say which price it uses then).',
						displayOptions: { show: { title: [false] } },
					},
				],
			},
		],
	},
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
