import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { clientLocator } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['get'] } }, [
	clientLocator(),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, ['client_id']), ['client_id']);
	const response = await callAction(this, itemIndex, 'getClient', params);
	return await shapeRecords(this, itemIndex, [response.client as IDataObject]);
}
