import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sortByName, updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkEnum, checkParams, inputError } from '../../helpers/validation';
import type { FormParams } from '../../transport';
import { idField, supplierLocator } from '../common.descriptions';
import {
	amountField,
	EXPENSE_FIELDS,
	EXPENSE_PAYMENT_TYPES,
	optionalExpenseFields,
	paymentTypeField,
	requiredExpenseFields,
} from './fields';

// §28: editExpense requires the supplier, amount and payment type on every update, not only on create.
const REQUIRED = ['expense_id', 'supplier_id', 'amount', 'payment_type'];

const whenAsked = (field: INodeProperties): INodeProperties => ({
	...field,
	displayOptions: { show: { keepCurrentValues: [false] } },
});
const whenKept = (field: INodeProperties): INodeProperties => ({
	...field,
	displayOptions: { show: { '/keepCurrentValues': [true] } },
});

const properties: INodeProperties[] = [
	idField('expense_id', 'Expense ID'),
	{
		displayName: 'Keep Current Values',
		name: 'keepCurrentValues',
		type: 'boolean',
		default: false,
		description:
			'Whether to read the expense first and send its current value for every field you leave out, so only the fields you set change',
		hint: 'On: costs one more API call per item (getExpense, then editExpense). Off: Factomos requires the supplier, amount and payment type every time.',
	},
	...[supplierLocator(), ...requiredExpenseFields].map(whenAsked),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName([
			...optionalExpenseFields,
			whenKept(amountField),
			whenKept(paymentTypeField),
			whenKept({
				displayName: 'Supplier',
				name: 'supplier_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1003',
				description: 'ID of the supplier contact',
			}),
		]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['expense'], operation: ['update'] } },
	properties,
);

/** The expense's current values, as getExpense returns them (§29), for every field it has. */
function currentValues(expense: unknown): FormParams {
	const values: FormParams = {};
	if (!expense || typeof expense !== 'object') return values;
	for (const name of EXPENSE_FIELDS) {
		const value = (expense as IDataObject)[name];
		if ((typeof value === 'string' && value !== '') || typeof value === 'number') values[name] = String(value);
	}
	return values;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const keep = this.getNodeParameter('keepCurrentValues', itemIndex, false) === true;
	const required = keep ? ['expense_id'] : REQUIRED;
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, required, 'updateFields'), required);
	if (params.payment_type !== undefined) {
		params.payment_type = checkEnum(this, itemIndex, 'Payment Type', params.payment_type, EXPENSE_PAYMENT_TYPES);
	}
	let sent = params;
	if (keep) {
		if (Object.keys(params).length === 1) {
			throw inputError(this, itemIndex, 'Update Fields', 'are empty', 'Add at least one field to change; the others keep their current values.');
		}
		const current = await callAction(this, itemIndex, 'getExpense', { expense_id: params.expense_id });
		sent = { expense_id: params.expense_id, ...currentValues(current.expense), ...params };
	}
	const response = await callAction(this, itemIndex, 'editExpense', sent);
	return await shapeRecords(this, itemIndex, [response]);
}
