import type { INodeProperties } from 'n8n-workflow';

import { sortByName } from '../../helpers/utils';

/** Optional invoice fields that both createInvoice and editInvoice document. */
export const invoiceFields: INodeProperties[] = [
	{
		displayName: 'Attention',
		name: 'invoice_attention',
		type: 'string',
		default: '',
		placeholder: 'e.g. Jane Doe',
		description: 'Person the invoice is addressed to (its attention line)',
	},
	{
		displayName: 'Comment',
		name: 'invoice_comment',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Comment printed on the invoice',
	},
	{
		displayName: 'Forced Total With VAT',
		name: 'figures_total_withvat',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1200 or 1200,50',
		description: 'Total including VAT that Factomos must use instead of computing it from the lines',
		hint: 'Forces the total: VAT and total with VAT are recalculated to match this amount',
	},
	{
		displayName: 'Invoice Date',
		name: 'invoice_date',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-01-31',
		description:
			'Date of the invoice, as YYYY-MM-DD. When empty, no date is sent and Factomos applies its own rule (the documentation does not say which date).',
	},
	{
		displayName: 'Mark as Paid',
		name: 'invoice_paid',
		type: 'boolean',
		default: false,
		description: 'Whether the invoice is already paid',
	},
	{
		displayName: 'Payment Amount',
		name: 'payment_amount',
		type: 'string',
		default: '',
		placeholder: 'e.g. 100 or 99,90',
		description: 'Amount due under the payment conditions; a decimal point or a decimal comma both work',
		hint: 'Used when Payment Conditions is on',
	},
	{
		displayName: 'Payment Conditions',
		name: 'payment_condition_enable',
		type: 'boolean',
		default: false,
		description: 'Whether the invoice shows payment conditions (amount and due date)',
	},
	{
		displayName: 'Payment Term',
		name: 'payment_term',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-02-28',
		description: 'Date by which the invoice must be paid, as YYYY-MM-DD',
	},
	{
		displayName: 'Subject (Objet)',
		name: 'objet',
		type: 'string',
		default: '',
		description: 'Subject line of the invoice',
	},
	{
		displayName: 'VAT Rate',
		name: 'invoice_vat',
		type: 'string',
		default: '20',
		placeholder: 'e.g. 20 or 5,5',
		description: 'VAT rate in percent applied to the invoice, e.g. 20 or 5,5',
	},
];

/** createInvoice documents three more fields than editInvoice. */
export const createInvoiceFields: INodeProperties[] = sortByName([
	...invoiceFields,
	{
		displayName: 'Several VAT Rates',
		name: 'several_vat',
		type: 'boolean',
		default: false,
		description: "Whether each line uses its own service's VAT rate instead of one rate for the invoice",
	},
	{
		displayName: 'Template ID',
		name: 'template_id',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1247',
		description: 'ID of the Factomos document design (template) to use',
	},
	{
		displayName: 'VAT Enabled',
		name: 'vat_enable',
		type: 'boolean',
		default: true,
		description: 'Whether the invoice charges VAT',
	},
]);

export const INVOICE_STATUSES = [
	'avoir',
	'later',
	'paid',
	'paid-avoir',
	'partially-paid',
	'partially-paid-avoir',
	'pending',
] as const;

const STATUS_OPTIONS = [
	{ name: 'Credit Note', value: 'avoir', description: 'Credit notes (avoirs)' },
	{ name: 'Late', value: 'later', description: 'Invoices past their payment term and not fully paid' },
	{ name: 'Paid', value: 'paid', description: 'Invoices paid in full' },
	{ name: 'Paid by Credit Note', value: 'paid-avoir', description: 'Invoices fully settled by a credit note' },
	{ name: 'Partially Paid', value: 'partially-paid', description: 'Invoices paid in part' },
	{
		name: 'Partially Paid by Credit Note',
		value: 'partially-paid-avoir',
		description: 'Invoices settled in part by a credit note',
	},
	{ name: 'Pending', value: 'pending', description: 'Invoices awaiting payment' },
];

/** The readable name of each status, as the Status dropdown shows it (Simplify outputs it). */
export const STATUS_NAMES: Record<string, string> = Object.fromEntries(
	STATUS_OPTIONS.map((option) => [option.value, option.name]),
);

/** Version 1: one status. Saved version-1 nodes keep it. */
export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'invoice_status',
	type: 'options',
	required: true,
	options: STATUS_OPTIONS,
	default: 'pending',
	description: 'Factomos lists invoices of one status at a time',
	displayOptions: { show: { '@version': [1] } },
};

export const ALL_STATUSES = 'all';

/** From version 1.1: several statuses, or all; Factomos lists each status with its own calls. */
export const statusesField: INodeProperties = {
	displayName: 'Statuses',
	name: 'invoiceStatuses',
	type: 'multiOptions',
	required: true,
	options: [
		{
			name: 'All Statuses',
			value: ALL_STATUSES,
			description: 'Every status: at least 7 API calls, one list per status',
		},
		...STATUS_OPTIONS,
	],
	default: ['pending'],
	description:
		'Factomos lists invoices of one status at a time: each status chosen costs at least one API call, one per 50 invoices read',
	displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
};
