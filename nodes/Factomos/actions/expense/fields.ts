import type { INodeProperties } from 'n8n-workflow';

/** Expense payment types (§27, §28); they differ from the invoice payment types. */
export const EXPENSE_PAYMENT_TYPES = ['cb', 'check', 'virement', 'prelevement', 'especes', 'tip', 'other'] as const;

/** The fields §28 also requires on update, so Create and Update share them. */
export const requiredExpenseFields: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		required: true,
		default: 0,
		description: 'Total amount of the expense, VAT included',
	},
	{
		displayName: 'Payment Type',
		name: 'payment_type',
		type: 'options',
		required: true,
		options: [
			{ name: 'Bank Transfer', value: 'virement' },
			{ name: 'Card', value: 'cb' },
			{ name: 'Cash', value: 'especes' },
			{ name: 'Check', value: 'check' },
			{ name: 'Direct Debit', value: 'prelevement' },
			{ name: 'Other', value: 'other' },
			{ name: 'TIP (Interbank Payment Order)', value: 'tip' },
		],
		default: 'cb',
		description: 'How the expense was paid',
	},
];

export const optionalExpenseFields: INodeProperties[] = [
	{ displayName: 'Comment', name: 'comment', type: 'string', typeOptions: { rows: 2 }, default: '' },
	{
		displayName: 'Date',
		name: 'date',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-01-31',
		description: 'Day of the expense, as YYYY-MM-DD',
	},
	{
		displayName: 'Payment Reference',
		name: 'payment_reference',
		type: 'string',
		default: '',
		description: 'Reference of the payment, e.g. a check or transfer number',
	},
	{
		displayName: 'Supplier Invoice Number',
		name: 'invoice_number',
		type: 'string',
		default: '',
		description: "Number of the supplier's invoice",
	},
	{
		displayName: 'VAT',
		name: 'vat',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'VAT amount of the expense',
	},
];
