import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { serviceLocator } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['service'], operation: ['get'] } }, [
	serviceLocator(),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, ['service_id']), ['service_id']);
	const response = await callAction(this, itemIndex, 'getService', params);
	return await shapeRecords(this, itemIndex, [response.service as IDataObject]);
}
