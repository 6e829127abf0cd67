import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { idField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getEmailHistory'] } },
	[idField('invoice_id', 'Invoice ID')],
);

/** One output item per email sent for the invoice (none when it was never sent). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, ['invoice_id']), ['invoice_id']);
	const response = await callAction(this, itemIndex, 'getInvoiceMailHistory', params);
	const emails = response['invoice-emails'];
	return await shapeRecords(this, itemIndex, Array.isArray(emails) ? (emails as IDataObject[]) : []);
}
