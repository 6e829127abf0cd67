import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { idField } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['deleteAll'] } }, [
	idField('invoice_id', 'Invoice ID', 'Every payment recorded on this invoice is deleted'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, ['invoice_id']), ['invoice_id']);
	await callAction(this, itemIndex, 'deleteAllPayments', params);
	return await shapeRecords(this, itemIndex, [{ invoice_id: params.invoice_id, deleted: true }]);
}
