import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sortByName, updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkEnum, checkParams } from '../../helpers/validation';
import {
	addUrlSecret,
	appDescriptionField,
	appIconField,
	COMPANY_TYPES,
	companyTypeField,
	webhookUrlField,
	webhookUrlSecretField,
} from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: 'Login of the new Factomos account; it must be an email address',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName([
			{
				...appDescriptionField,
				displayName: 'API App Description',
			},
			{ ...appIconField, displayName: 'API App Icon URL' },
			{
				displayName: 'API App Name',
				name: 'app_name',
				type: 'string',
				default: '',
				description: 'Name of your application',
				hint: 'Setting an app name also creates an API token and secret for the new account, returned as api_key and api_secret',
			},
			{ displayName: 'Address', name: 'company_address', type: 'string', default: '' },
			{
				displayName: 'Capital',
				name: 'capital',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5000€',
				description: 'Share capital of the company, as text',
			},
			{ displayName: 'City', name: 'city', type: 'string', default: '' },
			{
				displayName: 'Company Email',
				name: 'company_email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Email shown on documents. Defaults to the username.',
			},
			{ displayName: 'Company Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'e.g. France' },
			{
				displayName: 'Default VAT Rate',
				name: 'vat_percentage',
				type: 'string',
				default: '20',
				placeholder: 'e.g. 20 or 5,5',
				description: 'Default VAT percentage of the account, e.g. 20 or 5,5. Factomos uses 0 when it is not set.',
			},
			{
				displayName: 'Enable VAT',
				name: 'tva_enable',
				type: 'boolean',
				default: true,
				description: 'Whether the account charges VAT. Factomos disables it when it is not set.',
			},
			{ displayName: 'Fax Number', name: 'fax_number', type: 'string', default: '' },
			companyTypeField,
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Password of the new account. When empty, Factomos generates one and returns it.',
			},
			{ displayName: 'Phone Number', name: 'phone_number', type: 'string', default: '' },
			{ displayName: 'SIRET Number', name: 'siret', type: 'string', default: '' },
			webhookUrlSecretField,
			{
				displayName: 'VAT Number',
				name: 'vat_number',
				type: 'string',
				default: '',
				description: 'Intra-community VAT number',
			},
			webhookUrlField,
			{ displayName: 'Website', name: 'company_website', type: 'string', default: '' },
			{ displayName: 'Zip Code', name: 'zipcode', type: 'string', default: '' },
		]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = addUrlSecret(this, itemIndex, readFields(this, itemIndex, ['username'], 'additionalFields'));
	if (fields.company_type !== undefined) {
		checkEnum(this, itemIndex, 'Legal Form', fields.company_type, COMPANY_TYPES);
	}
	const params = checkParams(this, itemIndex, fields, ['username'], {
		app_icon: 'API App Icon URL',
		app_name: 'API App Name',
	});
	const response = await callAction(this, itemIndex, 'createAccount', params);
	return await shapeRecords(this, itemIndex, [response]);
}
