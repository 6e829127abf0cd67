import type { IDataObject } from 'n8n-workflow';

const NUMERIC = /^-?\d+(\.\d+)?$/;
/** Keys whose numeric-looking values are amounts or IDs; phone numbers, zip codes, SIRET stay text. */
const NUMERIC_KEYS =
	/(^id$|_id$|price|amount|montant|total|figures_|quantity|vat$|_vat|percent|remise|stock|^first_row$|^last_row$|^total_invoices$|_paid$|_due$)/;

function convertNumbers(value: unknown, key = ''): unknown {
	if (Array.isArray(value)) return value.map((entry) => convertNumbers(entry, key));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as IDataObject).map(([name, entry]) => [name, convertNumbers(entry, name)]),
		);
	}
	if (typeof value === 'string' && NUMERIC.test(value) && NUMERIC_KEYS.test(key)) return Number(value);
	return value;
}

export interface OutputOptions {
	baseUrl: string;
	convertNumericStrings: boolean;
}

/** Adds document_url when a document key is known, and converts numbers when asked. */
export function shapeOutput(json: IDataObject, options: OutputOptions): IDataObject {
	const key = [json.document_key, json.invoice_document_key, json.estimate_document_key].find(
		(candidate) => typeof candidate === 'string' && candidate !== '',
	);
	// Records come fresh from the decoded answer: copied only when a field is added.
	const shaped: IDataObject = key ? { ...json, document_url: `${options.baseUrl}/${key}` } : json;
	return options.convertNumericStrings ? (convertNumbers(shaped) as IDataObject) : shaped;
}
