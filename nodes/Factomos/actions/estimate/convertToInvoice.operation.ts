import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { idField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['estimate'], operation: ['convertToInvoice'] } },
	[idField('estimate_id', 'Estimate ID', 'The output is the invoice Factomos creates from the estimate')],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, ['estimate_id']), ['estimate_id']);
	const response = await callAction(this, itemIndex, 'transformEstimate', params);
	return await shapeRecords(this, itemIndex, [response]);
}
