import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { readFields } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { getDocumentBaseUrl } from '../../transport';
import { addUrlSecret, appDescriptionField, appIconField, webhookUrlField, webhookUrlSecretField } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'App Callback URL',
		name: 'app_callback',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/factomos/callback',
		description:
			'Your page that receives the new api_key and api_secret, POSTed by Factomos once the user has logged in',
	},
	{
		displayName: 'App Name',
		name: 'app_name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of your application, shown to the Factomos user',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [appDescriptionField, appIconField, webhookUrlSecretField, webhookUrlField],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getAuthorizationUrl'] } },
	properties,
);

/** Query parameters in the documentation's order (§7). */
const QUERY_ORDER = ['app_callback', 'app_name', 'app_description', 'app_icon', 'webhook_url'];

/** Builds the authorization form's URL (§7) without calling Factomos: the user opens it in a browser. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = addUrlSecret(this, itemIndex, readFields(this, itemIndex, ['app_callback', 'app_name'], 'additionalFields'));
	const params = checkParams(this, itemIndex, fields, ['app_callback', 'app_name']);
	const query = QUERY_ORDER.filter((name) => params[name] !== undefined)
		.map((name) => `${name}=${encodeURIComponent(String(params[name]))}`)
		.join('&');
	const baseUrl = await getDocumentBaseUrl(this);
	return [{ url: `${baseUrl}/api/authorize.php?${query}`, ...params }];
}
