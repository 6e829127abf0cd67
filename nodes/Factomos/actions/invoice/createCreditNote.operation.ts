import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { idField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['createCreditNote'] } },
	[idField('invoice_id', 'Invoice ID', 'The invoice the credit note is for; the output is the new credit note')],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, ['invoice_id']), ['invoice_id']);
	const response = await callAction(this, itemIndex, 'createCreditNote', params);
	return await shapeRecords(this, itemIndex, [response]);
}
