import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkEnum, checkParams } from '../../helpers/validation';
import { CLIENT_CATEGORIES, categoryField, contactFields } from './fields';

const properties: INodeProperties[] = [
	{ ...categoryField, required: true },
	{
		displayName: 'Company Name',
		name: 'client_company_name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the client company (or person)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, ['category', 'client_company_name'], 'additionalFields');
	checkEnum(this, itemIndex, 'Category', fields.category, CLIENT_CATEGORIES);
	const params = checkParams(this, itemIndex, fields, ['category', 'client_company_name']);
	const response = await callAction(this, itemIndex, 'createClient', params);
	return await shapeRecords(this, itemIndex, [response]);
}
