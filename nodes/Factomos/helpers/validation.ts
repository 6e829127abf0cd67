import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FormParams, FormValue } from '../transport/codec';

/** Input checks run before any API call: the quota is 500 calls a day, so bad input must not cost one. */

/** 'text' is a code (trimmed); 'name' is free text that must not be blank, sent as typed. */
type Rule = { label: string; kind: 'date' | 'number' | 'email' | 'id' | 'url' | 'text' | 'name' };

/** One table for every wire parameter that has a format, whatever the operation. */
const RULES: Record<string, Rule> = {
	invoice_date: { label: 'Invoice Date', kind: 'date' },
	estimate_date: { label: 'Estimate Date', kind: 'date' },
	payment_term: { label: 'Payment Term', kind: 'date' },
	payment_date: { label: 'Payment Date', kind: 'date' },
	date: { label: 'Date', kind: 'date' },
	price: { label: 'Price', kind: 'number' },
	montant: { label: 'Amount', kind: 'number' },
	amount: { label: 'Amount', kind: 'number' },
	vat: { label: 'VAT', kind: 'number' },
	invoice_vat: { label: 'VAT Rate', kind: 'number' },
	estimate_vat: { label: 'VAT Rate', kind: 'number' },
	vat_percentage: { label: 'Default VAT Rate', kind: 'number' },
	payment_amount: { label: 'Payment Amount', kind: 'number' },
	figures_total_withvat: { label: 'Forced Total With VAT', kind: 'number' },
	username: { label: 'Username', kind: 'email' },
	company_email: { label: 'Company Email', kind: 'email' },
	client_email: { label: 'Email', kind: 'email' },
	email_to: { label: 'Recipient Email', kind: 'email' },
	client_id: { label: 'Client', kind: 'id' },
	supplier_id: { label: 'Supplier', kind: 'id' },
	service_id: { label: 'Service', kind: 'id' },
	invoice_id: { label: 'Invoice ID', kind: 'id' },
	estimate_id: { label: 'Estimate ID', kind: 'id' },
	expense_id: { label: 'Expense ID', kind: 'id' },
	payment_id: { label: 'Payment ID', kind: 'id' },
	company_id: { label: 'Account ID', kind: 'id' },
	email_template_id: { label: 'Email Template', kind: 'id' },
	template_id: { label: 'Template ID', kind: 'id' },
	app_icon: { label: 'App Icon URL', kind: 'url' },
	webhook_url: { label: 'Webhook URL', kind: 'url' },
	app_callback: { label: 'App Callback URL', kind: 'url' },
	category: { label: 'Category', kind: 'text' },
	client_company_name: { label: 'Company Name', kind: 'name' },
	service_name: { label: 'Name', kind: 'name' },
	payment_type: { label: 'Payment Type', kind: 'text' },
	type: { label: 'Type', kind: 'text' },
	invoice_status: { label: 'Status', kind: 'text' },
	subscription_status: { label: 'Subscription Status', kind: 'text' },
	app_name: { label: 'App Name', kind: 'name' },
	company_type: { label: 'Legal Form', kind: 'text' },
	auth_token: { label: 'Auth Token', kind: 'text' },
	mode: { label: 'Mode', kind: 'text' },
};

const FIXES: Record<Rule['kind'], string> = {
	date: 'must be a date in the format YYYY-MM-DD, e.g. 2026-01-31',
	number: 'must be a number, e.g. 1250.50 or 1250,50 (no thousands separator)',
	email: 'must be an email address, e.g. name@example.com',
	id: 'must be a numeric Factomos ID, e.g. 5782',
	url: 'must be a full URL starting with http:// or https://',
	text: 'must not be empty',
	name: 'must not be empty',
};

/** A typed number: digits with one decimal point or decimal comma (12.50 or 12,50); no thousands separator. */
const DECIMAL = /^-?\d+([.,]\d+)?$/;

/**
 * The number as Factomos reads it (decimal point), or undefined when `value` is not a number.
 * French users type a decimal comma; PHP would read "12,50" as 12, so it is never sent as typed.
 */
export function toDecimal(value: string): string | undefined {
	return DECIMAL.test(value) ? value.replace(',', '.') : undefined;
}

export function isValidDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
	return date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
}

function matches(kind: Rule['kind'], value: string): boolean {
	switch (kind) {
		case 'date':
			return isValidDate(value);
		case 'number':
			return toDecimal(value) !== undefined;
		case 'email':
			return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
		case 'id':
			return /^\d+$/.test(value);
		case 'url':
			return /^https?:\/\/\S+$/i.test(value);
		case 'text':
		case 'name':
			return true;
	}
}

export function inputError(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	fix?: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${field} ${problem}`, {
		itemIndex,
		description: fix,
	});
}

/** Expressions such as {{ $now }} give ISO date-times; Factomos wants the day only. */
function toDateOnly(value: string): string {
	const match = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(value);
	return match ? match[1] : value;
}

function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' && !Number.isFinite(value)) return 'NaN';
	return String(value).trim();
}

/**
 * Drops blank optional values and checks each known parameter's format. Codes, IDs, numbers and
 * dates are sent trimmed; free text (names, addresses, descriptions) is sent exactly as typed.
 */
export function checkParams(
	context: IExecuteFunctions,
	itemIndex: number,
	params: IDataObject,
	required: string[] = [],
	/** Where an operation shows a field under another name than the table's. */
	labels: Record<string, string> = {},
): FormParams {
	const label = (name: string) => labels[name] ?? RULES[name]?.label ?? name;
	const result: FormParams = {};
	for (const [name, raw] of Object.entries(params)) {
		if (Array.isArray(raw)) {
			result[name] = raw as FormValue;
			continue;
		}
		if (typeof raw === 'boolean') {
			result[name] = raw;
			continue;
		}
		const rule = RULES[name];
		const value = rule?.kind === 'date' ? toDateOnly(asText(raw)) : asText(raw);
		if (value === '') {
			if (required.includes(name)) {
				throw inputError(
					context,
					itemIndex,
					label(name),
					'is required',
					`Set a value for ${label(name)}; it cannot be empty.`,
				);
			}
			continue;
		}
		if (rule && !matches(rule.kind, value)) {
			throw inputError(
				context,
				itemIndex,
				label(name),
				`is invalid: "${value.slice(0, 60)}"`,
				`${label(name)} ${FIXES[rule.kind]}.`,
			);
		}
		if (rule?.kind === 'number') result[name] = toDecimal(value) as string;
		else result[name] = typeof raw === 'string' && (!rule || rule.kind === 'name') ? raw : value;
	}
	for (const name of required) {
		if (!(name in result)) {
			throw inputError(context, itemIndex, label(name), 'is required', `Set a value for ${label(name)}.`);
		}
	}
	return result;
}

/** Checks a value against a list, because expressions can bypass the dropdown. */
export function checkEnum(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	allowed: readonly string[],
): string {
	const text = asText(value);
	if (!allowed.includes(text)) {
		throw inputError(
			context,
			itemIndex,
			field,
			`is invalid: "${text.slice(0, 60)}"`,
			`Pick ${field} from the list; an expression must give one of: ${allowed.join(', ')}.`,
		);
	}
	return text;
}
