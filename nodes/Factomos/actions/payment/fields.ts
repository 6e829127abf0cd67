import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

/** Payment types of createPayment/editPayment (§24, §25); expenses use a different list. */
const PAYMENT_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Bank Transfer', value: 'virement' },
	{ name: 'Card', value: 'cb' },
	{ name: 'Cash', value: 'especes' },
	{ name: 'Check', value: 'check' },
	{ name: 'Other', value: 'other' },
	{ name: 'PayPal', value: 'paypal' },
];

export const PAYMENT_TYPES = PAYMENT_TYPE_OPTIONS.map((option) => String(option.value));

/** Empty until the user picks one: a forgotten type must stop the item, not record a transfer. */
export const paymentTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: PAYMENT_TYPE_OPTIONS,
	default: '',
	description: 'How the invoice was paid',
};

/** Text, so it stays empty until set: a forgotten amount must stop the item, not record 0. */
export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'montant',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1250.50 or 1250,50',
	description: 'Amount paid, with a decimal point or a decimal comma, sent as typed except for the comma (the API documentation does not say whether it includes VAT). 0 is accepted when typed.',
};

/** Optional payment fields, identical for Create and Update. */
export const optionalPaymentFields: INodeProperties[] = [
	{
		displayName: 'Check Number',
		name: 'numero_cheque',
		type: 'string',
		default: '',
		description: 'Number of the check',
	},
	{
		displayName: 'Deposit Number',
		name: 'numero_remise',
		type: 'string',
		default: '',
		description: 'Number of the bank deposit slip',
	},
	{
		displayName: 'Payment Date',
		name: 'payment_date',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-01-31',
		description:
			'Day of the payment, as YYYY-MM-DD. When empty, no date is sent and Factomos applies its own rule (the documentation does not say which date).',
	},
	{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
];
