import type { INodeProperties } from 'n8n-workflow';

/** Payment types of createPayment/editPayment (§24, §25); expenses use a different list. */
export const PAYMENT_TYPES = ['cb', 'check', 'especes', 'paypal', 'virement', 'other'] as const;

export const paymentTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'Bank Transfer', value: 'virement' },
		{ name: 'Card', value: 'cb' },
		{ name: 'Cash', value: 'especes' },
		{ name: 'Check', value: 'check' },
		{ name: 'Other', value: 'other' },
		{ name: 'PayPal', value: 'paypal' },
	],
	default: 'virement',
	description: 'How the invoice was paid',
};

export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'montant',
	type: 'number',
	typeOptions: { numberPrecision: 2 },
	default: 0,
	description: 'Amount paid, VAT included',
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
		description: 'Day of the payment, as YYYY-MM-DD. Factomos uses today when it is not set.',
	},
	{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
];

