import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, shapeList } from '../../helpers/operation';
import type { SimpleFields } from '../../helpers/output';
import { takeLimit } from '../../helpers/pagination';
import { returnAllFields, simplifyField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['getAll'] } },
	[...returnAllFields, simplifyField],
);

/** Simplify's fields; the README lists them. */
export const SIMPLE_FIELDS: SimpleFields = {
	id: ['service_id', 'id'],
	name: ['service_name', 'text'],
	category: ['category', 'text'],
	description: ['description', 'text'],
	unit: ['unit', 'text'],
	price: ['price', 'number'],
	vat: ['vat', 'number'],
	price_includes_vat: ['is_with_vat', 'boolean'],
	reference: ['reference', 'text'],
	stock: ['stock', 'number'],
	archived: ['archived', 'boolean'],
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await callAction(this, itemIndex, 'listService', {});
	const services = takeLimit(this, itemIndex, (response.services as IDataObject[]) ?? []);
	return await shapeList(this, itemIndex, services, SIMPLE_FIELDS);
}
