import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords, withFullDocument } from '../../helpers/operation';
import { buildLines } from '../../helpers/lines';
import { checkParams } from '../../helpers/validation';
import { clientLocator, linesFields } from '../common.descriptions';
import { createInvoiceFields } from './fields';

const properties: INodeProperties[] = [
	clientLocator(),
	...linesFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: createInvoiceFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, ['client_id'], 'additionalFields'), [
		'client_id',
	]);
	const lines = buildLines(this, itemIndex);
	const response = await callAction(this, itemIndex, 'createInvoice', { ...params, ...lines });
	const output = await withFullDocument(this, itemIndex, response, {
		action: 'getInvoice',
		idParam: 'invoice_id',
		field: 'invoice',
	});
	return await shapeRecords(this, itemIndex, [output]);
}
