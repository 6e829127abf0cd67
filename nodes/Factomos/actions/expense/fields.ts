import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

/** Expense payment types (§27, §28); they differ from the invoice payment types. */
const EXPENSE_PAYMENT_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Bank Transfer', value: 'virement' },
	{ name: 'Card', value: 'cb' },
	{ name: 'Cash', value: 'especes' },
	{ name: 'Check', value: 'check' },
	{ name: 'Direct Debit', value: 'prelevement' },
	{ name: 'Other', value: 'other' },
	{ name: 'TIP (Interbank Payment Order)', value: 'tip' },
];

export const EXPENSE_PAYMENT_TYPES = EXPENSE_PAYMENT_TYPE_OPTIONS.map((option) => String(option.value));

/** Every field createExpense and editExpense document besides expense_id (§27, §28). */
export const EXPENSE_FIELDS = [
	'date',
	'supplier_id',
	'invoice_number',
	'vat',
	'amount',
	'payment_type',
	'payment_reference',
	'comment',
];

/** Both empty until set: a forgotten amount or type must stop the item, not record 0 or a card payment. */
export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'string',
	default: '',
	placeholder: 'e.g. 42.50 or 42,50',
	description: 'Amount of the expense, with a decimal point or a decimal comma, sent as typed except for the comma (the API documentation does not say whether it includes VAT). 0 is accepted when typed.',
};

export const paymentTypeField: INodeProperties = {
	displayName: 'Payment Type',
	name: 'payment_type',
	type: 'options',
	options: EXPENSE_PAYMENT_TYPE_OPTIONS,
	default: '',
	description: 'How the expense was paid',
};

/** The fields §27 and §28 both require, so Create and Update share them. */
export const requiredExpenseFields: INodeProperties[] = [
	{ ...amountField, required: true },
	{ ...paymentTypeField, required: true },
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
		type: 'string',
		default: '',
		placeholder: 'e.g. 4.20 or 4,20',
		description: 'VAT amount of the expense; a decimal point or a decimal comma both work',
	},
];
