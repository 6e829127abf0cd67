import { decrypt, encodeForm, encrypt, FormParams } from '../../nodes/Factomos/transport/codec';

/** A raw Factomos client for emulator tests: builds the crequest by hand and decodes any answer form. */

export interface WireOptions {
	/** false sends crequest double-encoded (the classic bug of form-encoding factomos_encode's output). */
	encodeOnce?: boolean;
	/** Replaces the encrypted crequest (sent form-encoded once). */
	crequest?: string;
	/** Replaces the whole request body. */
	rawBody?: string;
	contentType?: string | null;
	method?: string;
}

/**
 * A Factomos answer as the tests read it: each action fills some of these fields, as in the doc's
 * examples; the tests check their values.
 */
export interface FactomosAnswer {
	error: { code: number; message: string };
	auth_token: string;
	api_key: string;
	api_secret: string;
	client_id: string;
	company_id: string;
	estimate_document_key: string;
	estimate_id: string;
	expense_id: string;
	invoice_document_key: string;
	invoice_formated_number: string;
	invoice_id: string;
	password: string;
	payment_id: string;
	service_id: string;
	client: Row;
	clients: Row[];
	estimate: DocumentRow;
	expense: Row;
	invoice: DocumentRow;
	invoices: DocumentRow[];
	pagination: Row;
	service: Row;
	services: Row[];
	'email-templates': Row[];
	'invoice-emails': Row[];
}

/** One object of an answer (a client, a service, a line…). */
export type Row = Record<string, unknown>;

/** An invoice or an estimate, with its lines. */
export type DocumentRow = Row & { articleList: Row[] };

export interface WireResult {
	status: number;
	body: string;
	headers: Headers;
	/** The decoded JSON (plain, raw base64 or urlencoded base64), undefined when undecodable. */
	json: FactomosAnswer | undefined;
}

export function decodeBody(secret: string, body: string): FactomosAnswer | undefined {
	const text = body.trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text.startsWith('{') ? text : decrypt(secret, text)) as FactomosAnswer;
	} catch {
		return undefined;
	}
}

export async function wireCall(
	baseUrl: string,
	token: string | undefined,
	secret: string,
	params: FormParams | string | undefined,
	options: WireOptions = {},
): Promise<WireResult> {
	let body = options.rawBody;
	if (body === undefined) {
		const fields: string[] = [];
		if (token !== undefined) fields.push(`token=${encodeURIComponent(token)}`);
		let crequest = options.crequest;
		if (crequest === undefined && params !== undefined) {
			crequest = encrypt(secret, typeof params === 'string' ? params : encodeForm(params));
		}
		if (crequest !== undefined) {
			const once = encodeURIComponent(crequest);
			fields.push(`crequest=${options.encodeOnce === false ? encodeURIComponent(once) : once}`);
		}
		body = fields.join('&');
	}
	const headers: Record<string, string> = {};
	const contentType = options.contentType === undefined ? 'application/x-www-form-urlencoded' : options.contentType;
	if (contentType !== null) headers['Content-Type'] = contentType;
	const method = options.method ?? 'POST';
	const response = await fetch(`${baseUrl}/api/api.php`, { method, headers, body: method === 'GET' ? undefined : body });
	const text = await response.text();
	return { status: response.status, body: text, headers: response.headers, json: decodeBody(secret, text) };
}
