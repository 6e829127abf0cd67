import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, shapeRecords } from '../../helpers/operation';
import { takeLimit } from '../../helpers/pagination';
import { returnAllFields } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['getAll'] } },
	returnAllFields,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await callAction(this, itemIndex, 'listService', {});
	const services = takeLimit(this, itemIndex, (response.services as IDataObject[]) ?? []);
	return await shapeRecords(this, itemIndex, services);
}
