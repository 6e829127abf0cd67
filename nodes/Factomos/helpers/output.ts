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

/** The link to a document, when the record carries its key (false in list entries). */
function documentUrl(json: IDataObject, baseUrl: string): string | undefined {
	const key = [json.document_key, json.invoice_document_key, json.estimate_document_key].find(
		(candidate) => typeof candidate === 'string' && candidate !== '',
	);
	return key ? `${baseUrl}/${key as string}` : undefined;
}

/** Adds document_url when a document key is known, and converts numbers when asked. */
export function shapeOutput(json: IDataObject, options: OutputOptions): IDataObject {
	const url = documentUrl(json, options.baseUrl);
	// Records come fresh from the decoded answer: copied only when a field is added.
	const shaped: IDataObject = url ? { ...json, document_url: url } : json;
	return options.convertNumericStrings ? (convertNumbers(shaped) as IDataObject) : shaped;
}

/**
 * How Simplify reads one API field. `id`: a number, left out when 0 (Factomos' "none");
 * `parisDate`: a Unix timestamp as the calendar day in Paris, YYYY-MM-DD; `frenchDate`: DD/MM/YY as
 * YYYY-MM-DD, left out for 00/00/00; `label`: the value through the given table.
 */
export type SimpleKind = 'text' | 'number' | 'id' | 'boolean' | 'parisDate' | 'frenchDate' | Record<string, string>;

/** Output name → [API field, kind], in output order. */
export type SimpleFields = Record<string, [source: string, kind: SimpleKind]>;

const PARIS_DAY = new Intl.DateTimeFormat('en-US', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
});

/** YYYY-MM-DD from the parts, which no locale's date pattern can reorder. */
function parisDay(seconds: number): string {
	const parts = Object.fromEntries(PARIS_DAY.formatToParts(new Date(seconds * 1000)).map((part) => [part.type, part.value]));
	return `${parts.year}-${parts.month}-${parts.day}`;
}

function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	return typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value) : undefined;
}

/** Undefined means "leave the key out": Factomos' false, null and 0 placeholders never reach the output. */
function readField(value: unknown, kind: SimpleKind): unknown {
	if (value === undefined || value === null) return undefined;
	if (typeof kind === 'object') return typeof value === 'string' ? (kind[value] ?? value) : undefined;
	switch (kind) {
		case 'text':
			return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
		case 'number':
			return asNumber(value);
		case 'id': {
			const id = asNumber(value);
			return id ? id : undefined;
		}
		case 'boolean':
			return value === true || value === 1 || value === '1' ? true : value === false || value === 0 || value === '0' ? false : undefined;
		case 'parisDate': {
			const seconds = asNumber(value);
			return seconds ? parisDay(seconds) : undefined;
		}
		case 'frenchDate': {
			const match = typeof value === 'string' ? /^(\d{2})\/(\d{2})\/(\d{2})$/.exec(value) : null;
			return match && match[0] !== '00/00/00' ? `20${match[3]}-${match[2]}-${match[1]}` : undefined;
		}
	}
}

/** The Simplify output of one record: the listed fields, typed, plus document_url when a key exists. */
export function simplifyOutput(json: IDataObject, fields: SimpleFields, baseUrl: string): IDataObject {
	const simple: IDataObject = {};
	for (const [name, [source, kind]] of Object.entries(fields)) {
		const value = readField(json[source], kind);
		if (value !== undefined) simple[name] = value as IDataObject[string];
	}
	const url = documentUrl(json, baseUrl);
	if (url) simple.document_url = url;
	return simple;
}
