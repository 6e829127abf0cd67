import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, shapeList } from '../../helpers/operation';
import type { SimpleFields } from '../../helpers/output';
import { returnAllFields, simplifyField } from '../common.descriptions';
import { takeLimit } from '../../helpers/pagination';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Search Keyword',
		name: 'search_keyword',
		type: 'string',
		default: '',
		description: 'Only return the contacts Factomos finds for this keyword (the documentation does not say which fields it searches)',
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['getAll'] } },
	properties,
);

/** Simplify's fields; the README lists them. */
export const SIMPLE_FIELDS: SimpleFields = {
	id: ['client_id', 'id'],
	name: ['client_company_name', 'text'],
	category: ['category', 'text'],
	reference: ['client_reference', 'text'],
	first_name: ['client_contact_firstname', 'text'],
	last_name: ['client_contact_lastname', 'text'],
	email: ['client_email', 'text'],
	phone: ['client_phonenumber', 'text'],
	address: ['client_address', 'text'],
	address_more: ['client_address_more', 'text'],
	zip_code: ['client_zipcode', 'text'],
	city: ['client_city', 'text'],
	country: ['client_country', 'text'],
	language: ['client_lang', 'text'],
	vat_number: ['number_tva', 'text'],
	siret: ['number_siret', 'text'],
	website: ['client_website', 'text'],
	archived: ['archived', 'boolean'],
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const keyword = String(this.getNodeParameter('search_keyword', itemIndex, '')).trim();
	const response = await callAction(this, itemIndex, 'listClient', keyword ? { search_keyword: keyword } : {});
	const clients = takeLimit(this, itemIndex, (response.clients as IDataObject[]) ?? []);
	return await shapeList(this, itemIndex, clients, SIMPLE_FIELDS);
}
