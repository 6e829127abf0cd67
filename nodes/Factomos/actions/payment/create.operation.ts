import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkEnum, checkParams } from '../../helpers/validation';
import { idField } from '../common.descriptions';
import { amountField, optionalPaymentFields, PAYMENT_TYPES, paymentTypeField } from './fields';

const properties: INodeProperties[] = [
	idField('invoice_id', 'Invoice ID'),
	{ ...amountField, required: true },
	{ ...paymentTypeField, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalPaymentFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, ['invoice_id', 'montant', 'type'], 'additionalFields');
	const params = checkParams(this, itemIndex, fields, ['invoice_id', 'montant', 'type']);
	params.type = checkEnum(this, itemIndex, 'Type', params.type, PAYMENT_TYPES);
	const response = await callAction(this, itemIndex, 'createPayment', params);
	return await shapeRecords(this, itemIndex, [{ invoice_id: params.invoice_id, ...response }]);
}
