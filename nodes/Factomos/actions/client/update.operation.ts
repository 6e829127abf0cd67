import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sortByName, updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkEnum, checkParams, inputError } from '../../helpers/validation';
import { clientLocator } from '../common.descriptions';
import { CLIENT_CATEGORIES, categoryField, contactFields } from './fields';

const properties: INodeProperties[] = [
	clientLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName([
			categoryField,
			{ displayName: 'Company Name', name: 'client_company_name', type: 'string', default: '' },
			...contactFields,
		]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, ['client_id'], 'updateFields');
	if (fields.category !== undefined) checkEnum(this, itemIndex, 'Category', fields.category, CLIENT_CATEGORIES);
	const params = checkParams(this, itemIndex, fields, ['client_id']);
	if (Object.keys(params).length === 1) {
		throw inputError(this, itemIndex, 'Update Fields', 'are empty', 'Add at least one field to update.');
	}
	await callAction(this, itemIndex, 'editClient', params);
	return await shapeRecords(this, itemIndex, [{ client_id: params.client_id, updated: true }]);
}
