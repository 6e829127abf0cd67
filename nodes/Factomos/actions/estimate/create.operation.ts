import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords, withFullDocument } from '../../helpers/operation';
import { buildLines } from '../../helpers/lines';
import { checkParams } from '../../helpers/validation';
import { clientLocator, linesFields } from '../common.descriptions';
import { attentionField, commentField, subjectField } from './fields';

const properties: INodeProperties[] = [
	clientLocator(),
	...linesFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			attentionField,
			commentField,
			{
				displayName: 'Estimate Date',
				name: 'estimate_date',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2026-01-31',
				description:
					'Date of the estimate, as YYYY-MM-DD. When empty, no date is sent and Factomos applies its own rule (the documentation does not say which date).',
			},
			{
				displayName: 'Forced Total With VAT',
				name: 'figures_total_withvat',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1200 or 1200,50',
				description: 'Total including VAT that Factomos must use instead of computing it from the lines',
				hint: 'Forces the total: VAT and total with VAT are recalculated to match this amount',
			},
			subjectField,
			{
				displayName: 'Template ID',
				name: 'template_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1247',
				description: 'ID of the Factomos document design (template) to use',
			},
			{
				displayName: 'VAT Rate',
				name: 'estimate_vat',
				type: 'string',
				default: '20',
				placeholder: 'e.g. 20 or 5,5',
				description: 'VAT rate in percent applied to the estimate, e.g. 20 or 5,5',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['estimate'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, ['client_id'], 'additionalFields'), [
		'client_id',
	]);
	const lines = buildLines(this, itemIndex);
	const response = await callAction(this, itemIndex, 'createEstimate', { ...params, ...lines });
	const output = await withFullDocument(this, itemIndex, response, {
		action: 'getEstimate',
		idParam: 'estimate_id',
		field: 'estimate',
	});
	return await shapeRecords(this, itemIndex, [output]);
}
