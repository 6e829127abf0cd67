import type { INodeProperties } from 'n8n-workflow';

export const CLIENT_CATEGORIES = ['client', 'fournisseur', 'prospect'] as const;

export const categoryField: INodeProperties = {
	displayName: 'Category',
	name: 'category',
	type: 'options',
	options: [
		{ name: 'Client', value: 'client' },
		{ name: 'Prospect', value: 'prospect' },
		{ name: 'Supplier', value: 'fournisseur' },
	],
	default: 'client',
	description: 'Kind of contact. Suppliers are the ones expenses can be attached to.',
};

/** Optional contact fields, identical for Create and Update. */
export const contactFields: INodeProperties[] = [
	{ displayName: 'Address', name: 'client_address', type: 'string', default: '' },
	{ displayName: 'Address (More)', name: 'client_address_more', type: 'string', default: '' },
	{ displayName: 'City', name: 'client_city', type: 'string', default: '' },
	{ displayName: 'Contact Last Name', name: 'client_contact_lastname', type: 'string', default: '' },
	{ displayName: 'Country', name: 'client_country', type: 'string', default: '', placeholder: 'e.g. France' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 2 }, default: '' },
	{
		displayName: 'Email',
		name: 'client_email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'Keyword', name: 'client_keyword', type: 'string', default: '' },
	{
		displayName: 'Language',
		name: 'client_lang',
		type: 'string',
		default: '',
		placeholder: 'e.g. fr',
		description: 'Language of the documents sent to this client, as a two-letter code',
	},
	{ displayName: 'Phone Number', name: 'client_phonenumber', type: 'string', default: '' },
	{ displayName: 'Reference', name: 'client_reference', type: 'string', default: '' },
	{ displayName: 'SIRET Number', name: 'number_siret', type: 'string', default: '' },
	{ displayName: 'VAT Number', name: 'number_tva', type: 'string', default: '', description: 'Intra-community VAT number' },
	{ displayName: 'Website', name: 'client_website', type: 'string', default: '' },
	{ displayName: 'Zip Code', name: 'client_zipcode', type: 'string', default: '' },
];
