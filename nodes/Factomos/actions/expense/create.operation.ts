import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkEnum, checkParams } from '../../helpers/validation';
import { supplierLocator } from '../common.descriptions';
import { EXPENSE_PAYMENT_TYPES, optionalExpenseFields, requiredExpenseFields } from './fields';

const REQUIRED = ['supplier_id', 'amount', 'payment_type'];

const properties: INodeProperties[] = [
	supplierLocator(),
	...requiredExpenseFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalExpenseFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['expense'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, REQUIRED, 'additionalFields');
	const params = checkParams(this, itemIndex, fields, REQUIRED);
	params.payment_type = checkEnum(this, itemIndex, 'Payment Type', params.payment_type, EXPENSE_PAYMENT_TYPES);
	const response = await callAction(this, itemIndex, 'createExpense', params);
	return await shapeRecords(this, itemIndex, [response]);
}
