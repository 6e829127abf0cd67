import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { readFields } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { getDocumentBaseUrl } from '../../transport';
import { clientLocator } from '../common.descriptions';
import { attentionField, commentField, subjectField } from './fields';

/** §9: the documented fields of the https://app.factomos.com/creer-devis form, in the doc's order. */
const FORM_FIELDS = ['client_id', 'client_company_name', 'estimate_attention', 'objet', 'estimate_comment', 'custom'];

const properties: INodeProperties[] = [
	{
		...clientLocator('client_id', false),
		hint: 'Optional. When set, it wins over Client Company Name.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			attentionField,
			{
				displayName: 'Client Company Name',
				name: 'client_company_name',
				type: 'string',
				default: '',
				description:
					'Company name of the client, used when no Client is set. Factomos picks the client only on an exact name match.',
			},
			commentField,
			{
				displayName: 'Custom',
				name: 'custom',
				type: 'string',
				default: '',
				placeholder: 'e.g. order=1234',
				description: 'Your own value, e.g. an ID from your system',
				hint: 'Returned as-is in the webhook notification of the created estimate',
			},
			subjectField,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['estimate'], operation: ['buildPrefilledForm'] } },
	properties,
);

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** A page that posts the form as soon as it loads, so a Respond to Webhook node can serve it. */
function autoSubmitPage(url: string, fields: Record<string, string>): string {
	const inputs = Object.entries(fields).map(
		([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
	);
	return [
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head><meta charset="utf-8"><title>Opening Factomos…</title></head>',
		'<body>',
		`<form id="factomos-estimate" method="post" action="${escapeHtml(url)}" accept-charset="UTF-8">`,
		...inputs,
		'<noscript><button type="submit">Continue to Factomos</button></noscript>',
		'</form>',
		"<script>document.getElementById('factomos-estimate').submit();</script>",
		'</body>',
		'</html>',
	].join('\n');
}

/** Makes no API call: the user's browser posts the form to Factomos, inside their own session. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const raw = readFields(this, itemIndex, ['client_id'], 'additionalFields');
	const { client_id: clientId } = checkParams(this, itemIndex, { client_id: raw.client_id });
	const fields: Record<string, string> = {};
	for (const name of FORM_FIELDS) {
		// Values stay untrimmed: `custom` must come back exactly as given.
		const value = name === 'client_id' ? clientId : raw[name];
		if (value === undefined || value === null || String(value).trim() === '') continue;
		fields[name] = String(value);
	}
	const url = `${await getDocumentBaseUrl(this)}/creer-devis`;
	return [{ url, method: 'POST', fields, html: autoSubmitPage(url, fields) }];
}
