import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../helpers/validation';

/** The legal forms createAccount accepts (§2), sent verbatim. */
export const COMPANY_TYPES = [
	'Agessa',
	'Association',
	'Auto-Entrepreneur',
	'E.U.R.L.',
	'Entreprise-Individuelle',
	'MDA',
	'Profession-Liberale',
	'S.A.',
	'S.A.R.L.',
	'S.A.S.',
	'S.A.S.U.',
	'S.C.I.',
	'S.E.L.A.R.L.',
	'S.N.C.',
] as const;

const COMPANY_TYPE_HINTS: Record<string, string> = {
	Agessa: 'Author under the AGESSA social regime',
	Association: 'Non-profit association (loi 1901)',
	'Auto-Entrepreneur': 'Micro-entrepreneur',
	'E.U.R.L.': 'Single-member limited liability company',
	'Entreprise-Individuelle': 'Sole proprietorship',
	MDA: 'Artist under the Maison des Artistes regime',
	'Profession-Liberale': 'Liberal profession',
	'S.A.': 'Public limited company',
	'S.A.R.L.': 'Limited liability company',
	'S.A.S.': 'Simplified joint-stock company',
	'S.A.S.U.': 'Single-member simplified joint-stock company',
	'S.C.I.': 'Real-estate company',
	'S.E.L.A.R.L.': 'Limited liability company of liberal professions',
	'S.N.C.': 'General partnership',
};

export const SUBSCRIPTION_STATUSES = ['active', 'readonly', 'blocked'] as const;

export const companyTypeField: INodeProperties = {
	displayName: 'Legal Form',
	name: 'company_type',
	type: 'options',
	options: COMPANY_TYPES.map((value) => ({ name: value, value, description: COMPANY_TYPE_HINTS[value] })),
	default: 'S.A.R.L.',
	description: 'Legal structure of the company (structure juridique)',
};

/** The third-party application fields shared by Create and Get Authorization URL. */
export const appDescriptionField: INodeProperties = {
	displayName: 'App Description',
	name: 'app_description',
	type: 'string',
	default: '',
	description: 'Short description of your application, shown to the Factomos user',
};

export const appIconField: INodeProperties = {
	displayName: 'App Icon URL',
	name: 'app_icon',
	type: 'string',
	default: '',
	placeholder: 'https://example.com/icon.png',
	description: 'URL of the application icon (40 × 40 px)',
};

export const webhookUrlField: INodeProperties = {
	displayName: 'Webhook URL',
	name: 'webhook_url',
	type: 'string',
	default: '',
	placeholder: 'https://n8n.example.com/webhook/…/webhook',
	description: 'URL Factomos will POST a notification to after each change in the account',
	hint: "Paste a Factomos Trigger's Production URL (its Webhook URLs panel). If the trigger has a URL Secret, put it in Trigger URL Secret: the node adds ?secret= for you.",
};

export const webhookUrlSecretField: INodeProperties = {
	displayName: 'Trigger URL Secret',
	name: 'webhook_url_secret',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		"The Factomos Trigger's URL Secret (Options → URL Secret). The node registers Webhook URL followed by ?secret= and this value, as the trigger expects.",
};

/**
 * Moves Trigger URL Secret into webhook_url as the trigger's ?secret= query parameter, so the
 * registered URL is the one the trigger accepts. Not an API parameter: it is never sent alone.
 */
export function addUrlSecret(context: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const { webhook_url_secret: raw, ...rest } = fields;
	const secret = typeof raw === 'string' ? raw.trim() : '';
	if (!secret) return rest;
	const url = typeof rest.webhook_url === 'string' ? rest.webhook_url.trim() : '';
	if (!url) {
		throw inputError(context, itemIndex, 'Trigger URL Secret', 'needs a Webhook URL', 'Add Webhook URL: the trigger\'s Production URL.');
	}
	if (!/^[A-Za-z0-9]+$/.test(secret)) {
		throw inputError(
			context,
			itemIndex,
			'Trigger URL Secret',
			'may hold letters and digits only',
			'Use the same letters-and-digits secret as the trigger\'s URL Secret.',
		);
	}
	if (/[?&]secret=/.test(url)) {
		throw inputError(
			context,
			itemIndex,
			'Webhook URL',
			'already has a secret= parameter',
			'Remove ?secret=… from Webhook URL, or leave Trigger URL Secret empty.',
		);
	}
	return { ...rest, webhook_url: `${url}${url.includes('?') ? '&' : '?'}secret=${secret}` };
}

export const PARTNER_HINT =
	'Only Factomos partners may do this; other tokens get error -33. The account ID is the company_id returned by Create.';
