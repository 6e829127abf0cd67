import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { idField } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['expense'], operation: ['get'] } }, [
	idField('expense_id', 'Expense ID'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, ['expense_id']), ['expense_id']);
	const response = await callAction(this, itemIndex, 'getExpense', params);
	return await shapeRecords(this, itemIndex, [response.expense as IDataObject]);
}
