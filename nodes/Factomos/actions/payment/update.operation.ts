import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sortByName, updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkEnum, checkParams, inputError } from '../../helpers/validation';
import { idField } from '../common.descriptions';
import { amountField, optionalPaymentFields, PAYMENT_TYPES, paymentTypeField } from './fields';

const properties: INodeProperties[] = [
	idField('invoice_id', 'Invoice ID', 'The invoice the payment belongs to'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName([
			amountField,
			{
				displayName: 'Payment ID',
				name: 'payment_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. 8001',
				description: 'Which payment of the invoice to update',
				hint: 'Required when the invoice has several payments (otherwise Factomos answers error -21); optional when it has only one',
			},
			paymentTypeField,
			...optionalPaymentFields,
		]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, ['invoice_id'], 'updateFields');
	const params = checkParams(this, itemIndex, fields, ['invoice_id']);
	if (params.type !== undefined) params.type = checkEnum(this, itemIndex, 'Type', params.type, PAYMENT_TYPES);
	const changes = Object.keys(params).filter((name) => name !== 'invoice_id' && name !== 'payment_id');
	if (changes.length === 0) {
		throw inputError(this, itemIndex, 'Update Fields', 'are empty', 'Add at least one field to update besides Payment ID.');
	}
	const response = await callAction(this, itemIndex, 'editPayment', params);
	return await shapeRecords(this, itemIndex, [{ invoice_id: params.invoice_id, ...response }]);
}
