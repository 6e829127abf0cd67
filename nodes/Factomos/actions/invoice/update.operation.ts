import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords, withFullDocument } from '../../helpers/operation';
import { buildLines } from '../../helpers/lines';
import { checkParams } from '../../helpers/validation';
import { clientLocator, idField, linesFields } from '../common.descriptions';
import { invoiceFields } from './fields';

const properties: INodeProperties[] = [
	idField('invoice_id', 'Invoice ID'),
	{
		...clientLocator(),
		hint: 'Factomos requires the client on every update; pick the current one to keep it',
	},
	...linesFields,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: invoiceFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['update'] } },
	properties,
);

/** §20 requires the lines on every update, like on create. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, ['invoice_id', 'client_id'], 'updateFields');
	const params = checkParams(this, itemIndex, fields, ['invoice_id', 'client_id']);
	const lines = buildLines(this, itemIndex);
	const response = await callAction(this, itemIndex, 'editInvoice', { ...params, ...lines });
	const output = await withFullDocument(this, itemIndex, response, {
		action: 'getInvoice',
		idParam: 'invoice_id',
		field: 'invoice',
		// The ID that was edited, whatever the answer echoes.
		id: params.invoice_id,
	});
	return await shapeRecords(this, itemIndex, [output]);
}
