import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkEnum, checkParams } from '../../helpers/validation';
import { idField, supplierLocator } from '../common.descriptions';
import { EXPENSE_PAYMENT_TYPES, optionalExpenseFields, requiredExpenseFields } from './fields';

// Factomos requires the supplier, amount and payment type on every update, not only on create.
const REQUIRED = ['expense_id', 'supplier_id', 'amount', 'payment_type'];

const properties: INodeProperties[] = [
	idField('expense_id', 'Expense ID'),
	supplierLocator(),
	...requiredExpenseFields,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalExpenseFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['expense'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, REQUIRED, 'updateFields');
	const params = checkParams(this, itemIndex, fields, REQUIRED);
	params.payment_type = checkEnum(this, itemIndex, 'Payment Type', params.payment_type, EXPENSE_PAYMENT_TYPES);
	const response = await callAction(this, itemIndex, 'editExpense', params);
	return await shapeRecords(this, itemIndex, [response]);
}
