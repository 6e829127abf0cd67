import type {
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { createHash } from 'node:crypto';

import { encodeForm, encrypt, tryDecrypt, type FormParams } from './codec';
import { connectionNeverOpened, REQUEST_SENT } from './delivery';
import { describeApiError, isIdempotent, SESSION_CODES } from './errors';
import { parseTolerantJson } from './tolerantJson';

export type { FormParams } from './codec';
export type { FactomosAction } from './errors';

/** The only module that knows about HTTP and the codec: every Factomos call goes through here. */

export const DEFAULT_TIMEOUT_MS = 30_000;
const EXCERPT_LENGTH = 200;
const MAY_HAVE_REACHED =
	'It was not retried, because the request may have reached Factomos and a retry could create a duplicate. Check Factomos before running again.';

export interface FactomosCredentials {
	token: string;
	secret: string;
	baseUrl: string;
}

export type FactomosFunctions =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface RequestOptions {
	itemIndex?: number;
	timeout?: number;
}

interface HttpRequest {
	method: IHttpRequestMethods;
	url: string;
	headers: Record<string, string>;
	body?: string;
	timeout: number;
}

interface HttpResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: string;
}

type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

/** Why a call failed, without any reference to the request (which holds the token and secret). */
export class FactomosFailure extends Error {
	constructor(
		message: string,
		readonly description: string,
		readonly code?: number,
		readonly apiMessage?: string,
		readonly httpCode?: number,
		/** false only when the request provably never left (see delivery.ts). */
		readonly requestSent?: boolean,
	) {
		super(message);
		this.name = 'FactomosFailure';
	}
}

export function normalizeBaseUrl(baseUrl: string): string {
	const trimmed = String(baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api\/api\.php$/i, '');
	if (!/^https?:\/\/[^/]+/i.test(trimmed)) {
		throw new FactomosFailure(
			'The Base URL of the Factomos credential is not a valid URL',
			'Use https://app.factomos.com (or https://dev.factomos.com), without a path.',
		);
	}
	return trimmed;
}

/** An empty token or secret can only fail: say which before spending a call. */
function requireKeys(credentials: FactomosCredentials): void {
	for (const [label, value] of [
		['Token', credentials.token],
		['Secret', credentials.secret],
	] as const) {
		if (value === '') {
			throw new FactomosFailure(
				`The ${label} of the Factomos credential is empty`,
				`Fill in the ${label} in the Factomos API credential; Factomos gives the token and the secret together.`,
			);
		}
	}
}

function bodyToString(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (typeof body === 'string') return body;
	return JSON.stringify(body);
}

/**
 * Replaces the credentials in text from the server, which a broken server or a PHP warning may
 * echo: raw, URL-encoded, base64, and the md5 hex of the secret (the AES key).
 */
function mask(text: string, credentials: FactomosCredentials): string {
	const forms = [credentials.secret, credentials.token]
		.filter((value) => value !== '')
		.flatMap((value) => [value, encodeURIComponent(value), Buffer.from(value, 'utf8').toString('base64')]);
	if (credentials.secret) forms.push(createHash('md5').update(credentials.secret, 'utf8').digest('hex'));
	// Longest first, so a form that contains another is masked whole.
	return forms.sort((a, b) => b.length - a.length).reduce((masked, form) => masked.split(form).join('***'), text);
}

/** A short, printable excerpt of what came back, with the credentials masked. */
function excerpt(text: string, credentials: FactomosCredentials): string {
	let shown = mask(text.replace(/\p{Cc}+/gu, ' ').trim(), credentials);
	if (shown.length > EXCERPT_LENGTH) shown = `${shown.slice(0, EXCERPT_LENGTH)}…`;
	return shown === '' ? '(empty body)' : `"${shown}"`;
}

function parseJsonObject(text: string): IDataObject | undefined {
	const value = parseTolerantJson(text.replace(/^\uFEFF/, ''))?.value;
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** Decrypted bytes that read as text (no control characters but whitespace, valid UTF-8): the Secret was right. */
function isReadableText(text: string): boolean {
	if (text.trim() === '') return false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		// Tab to carriage return are whitespace; U+FFFD stands for invalid UTF-8.
		if (code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f || code === 0xfffd) return false;
	}
	return true;
}

/** What a ciphertext, raw or URL-encoded, is made of. */
const CIPHERTEXT_CHARACTERS = /^[A-Za-z0-9+/=%]+$/;

/**
 * Decodes the three response forms: URL-encoded ciphertext, raw base64 ciphertext, plain JSON.
 * A failed state-changing `action` says that the request may have been carried out.
 */
export function decodeResponse(
	response: HttpResponse,
	credentials: FactomosCredentials,
	action?: string,
): IDataObject {
	const text = response.body.replace(/^\uFEFF/, '').trim();
	// Only built on failure: masking scans the whole body. Ciphertext is never shown: it tells nobody anything.
	const shown = () => excerpt(text, credentials);
	const httpNote = response.statusCode >= 400 ? ` (HTTP ${response.statusCode})` : '';
	const writeNote = action !== undefined && !isIdempotent(action) ? ` ${MAY_HAVE_REACHED}` : '';
	const failure = (message: string, description: string) =>
		new FactomosFailure(`${message}${httpNote}`, `${description}${writeNote}`, undefined, undefined, response.statusCode);
	const cutOff = 'It was probably cut off in transit, or Factomos failed while answering; try again later.';
	if (text === '') {
		throw failure(
			'Factomos returned an empty response',
			'The server may be down or overloaded, or the Base URL may point to the wrong server.',
		);
	}
	if (text.startsWith('{')) {
		const json = parseJsonObject(text);
		if (json) return json;
		throw failure('Factomos returned incomplete JSON', `The response is not valid JSON. ${cutOff} Received: ${shown()}`);
	}
	const plaintext = tryDecrypt(credentials.secret, text);
	const json = plaintext === undefined ? undefined : parseJsonObject(plaintext.trim());
	if (json) return json;
	// Error pages and plain-text bodies are often base64-shaped too: only name the secret for a 2xx ciphertext.
	if (response.statusCode < 400 && CIPHERTEXT_CHARACTERS.test(text)) {
		if (plaintext === undefined) {
			throw failure(
				'Factomos returned a damaged encrypted response',
				`The response looks encrypted but is not valid (URL-encoded) base64. ${cutOff}`,
			);
		}
		// A wrong secret decrypts to random bytes; readable text means a damaged answer.
		if (isReadableText(plaintext)) {
			throw failure(
				'Factomos returned an incomplete encrypted response',
				`The response decrypts with the Secret but is not complete JSON. ${cutOff} Decrypted: ${excerpt(plaintext, credentials)}`,
			);
		}
		throw failure(
			"Factomos' response could not be decrypted",
			'The response looks encrypted but does not decrypt to JSON, so the Secret in the Factomos credential is probably wrong (it must be the secret that goes with the Token).',
		);
	}
	throw failure(
		'Factomos returned an unexpected response',
		`Expected an encrypted or JSON API response. The Base URL may be wrong (it should be like https://app.factomos.com) or the server may be failing. Received: ${shown()}`,
	);
}

/** Throws when the envelope's error.code is not 0; HTTP status is 200 even for API errors. */
function checkEnvelope(
	action: string,
	json: IDataObject,
	credentials: FactomosCredentials,
	codes?: Record<number, string>,
): IDataObject {
	const error = json.error as IDataObject | undefined;
	const code = error && typeof error === 'object' ? Number(error.code) : 0;
	if (!code) {
		// The decoded answer belongs to this call alone: no copy needed.
		delete json.error;
		return json;
	}
	const apiMessage = mask(String(error?.message ?? ''), credentials);
	const documented = codes?.[code] ?? describeApiError(action, code);
	throw new FactomosFailure(
		`Factomos error ${code} on ${action}: ${apiMessage || 'no message'}`,
		documented ?? `Factomos answered error code ${code}, which the API documentation does not describe for ${action}.`,
		code,
		apiMessage,
	);
}

function networkFailure(action: string, error: Error & { code?: string }, timeout: number) {
	const code = String(error.code ?? '');
	const timedOut = /ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT/.test(code) || /timeout/i.test(error.message);
	const cause = timedOut
		? `Factomos did not answer within ${timeout} ms`
		: connectionNeverOpened(code)
			? 'Could not connect to Factomos'
			: /ECONNRESET|EPIPE|socket hang up/i.test(`${code} ${error.message}`)
				? 'The connection to Factomos was reset'
				: 'The request to Factomos failed';
	const neverSent = !timedOut && connectionNeverOpened(code);
	const retryNote = neverSent
		? 'The request never reached Factomos, so nothing was changed: it is safe to run again.'
		: isIdempotent(action)
			? 'It is safe to run again.'
			: MAY_HAVE_REACHED;
	return new FactomosFailure(
		`${cause} (${action})`,
		`Check the Base URL of the credential and that Factomos is reachable${code ? ` (${code})` : ''}. ${retryNote}`,
		undefined,
		undefined,
		undefined,
		neverSent ? false : undefined,
	);
}

async function send(
	http: HttpSend,
	action: string,
	request: HttpRequest,
): Promise<HttpResponse> {
	try {
		return await http(request);
	} catch (error) {
		throw networkFailure(action, error as Error & { code?: string }, request.timeout);
	}
}

/** Calls one /api/api.php action and returns the decoded response without its error envelope. */
export async function callFactomosApi(
	http: HttpSend,
	credentials: FactomosCredentials,
	action: string,
	params: FormParams = {},
	timeout = DEFAULT_TIMEOUT_MS,
): Promise<IDataObject> {
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	requireKeys(credentials);
	const crequest = encrypt(credentials.secret, encodeForm({ action, ...params }));
	const response = await send(http, action, {
		method: 'POST',
		url: `${baseUrl}/api/api.php`,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: '*/*' },
		// crequest is form-encoded exactly once here.
		body: encodeForm({ token: credentials.token, crequest }),
		timeout,
	});
	return checkEnvelope(action, decodeResponse(response, credentials, action), credentials);
}

export type SessionCall = 'create' | 'delete' | 'check';

export interface SessionResult {
	json: IDataObject;
	cookie?: string;
}

/** The plain-JSON SSO endpoints: /api/session/create|delete/<auth_token> and /api/session/check. */
export async function callFactomosSession(
	http: HttpSend,
	credentials: FactomosCredentials,
	call: SessionCall,
	value: string,
	timeout = DEFAULT_TIMEOUT_MS,
): Promise<SessionResult> {
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	const isCheck = call === 'check';
	const response = await send(http, `session ${call}`, {
		method: isCheck ? 'GET' : 'POST',
		url: isCheck
			? `${baseUrl}/api/session/check`
			: `${baseUrl}/api/session/${call}/${encodeURIComponent(value)}`,
		headers: isCheck && value ? { Cookie: value } : {},
		timeout,
	});
	const json = checkEnvelope(`session ${call}`, decodeResponse(response, credentials, `session ${call}`), credentials, SESSION_CODES);
	const setCookie = response.headers['set-cookie'];
	const cookies = (Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : [])
		.map((header) => String(header).split(';')[0].trim())
		.filter(Boolean);
	return { json, cookie: cookies.length ? cookies.join('; ') : undefined };
}

function n8nHttp(context: FactomosFunctions): HttpSend {
	return async (request) => {
		const response = (await context.helpers.httpRequest({
			method: request.method,
			url: request.url,
			headers: request.headers,
			body: request.body,
			timeout: request.timeout,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body: bodyToString(response.body) };
	};
}

/** The credential test only gets the legacy request helper. */
export function credentialTestHttp(context: ICredentialTestFunctions): HttpSend {
	return async (request) => {
		const response = (await context.helpers.request({
			method: request.method,
			uri: request.url,
			headers: request.headers,
			body: request.body,
			timeout: request.timeout,
			encoding: null,
			resolveWithFullResponse: true,
			simple: false,
		})) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body: bodyToString(response.body) };
	};
}

/**
 * Credentials by node run: n8n loads them from its database and decrypts them on every
 * getCredentials call, which cost more than the API call itself over 1,000 items.
 */
const credentialsByRun = new WeakMap<FactomosFunctions, Promise<FactomosCredentials>>();

async function loadCredentials(context: FactomosFunctions): Promise<FactomosCredentials> {
	const credentials = await context.getCredentials('factomosApi');
	return {
		token: String(credentials.token ?? '').trim(),
		secret: String(credentials.secret ?? ''),
		baseUrl: String(credentials.baseUrl ?? ''),
	};
}

export async function getFactomosCredentials(context: FactomosFunctions): Promise<FactomosCredentials> {
	let credentials = credentialsByRun.get(context);
	if (!credentials) {
		credentials = loadCredentials(context);
		credentialsByRun.set(context, credentials);
		// A failure is not kept: the next item asks n8n again and gets its own error.
		credentials.catch(() => credentialsByRun.delete(context));
	}
	return await credentials;
}

function toNodeApiError(context: FactomosFunctions, failure: FactomosFailure, itemIndex?: number) {
	const response: JsonObject = { message: failure.message };
	if (failure.code !== undefined) response.code = failure.code;
	if (failure.apiMessage !== undefined) response.apiMessage = failure.apiMessage;
	if (failure.requestSent === false) response[REQUEST_SENT] = false;
	const error = new NodeApiError(context.getNode(), response, {
		message: failure.message,
		description: failure.description,
		httpCode: failure.httpCode ? String(failure.httpCode) : undefined,
		itemIndex,
	});
	return error;
}

/**
 * The one boundary where failures become n8n errors: ours get the documented explanation,
 * n8n's own errors pass through, anything else is wrapped with the item index.
 */
export function toNodeError(
	context: FactomosFunctions,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof FactomosFailure) return toNodeApiError(context, error, itemIndex);
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

async function withNodeErrors<T>(
	context: FactomosFunctions,
	itemIndex: number | undefined,
	run: () => Promise<T>,
): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw toNodeError(context, error, itemIndex);
	}
}

/** Calls a Factomos action from a node; errors become NodeApiError with the doc's explanation. */
export async function factomosApiRequest(
	this: FactomosFunctions,
	action: string,
	params: FormParams = {},
	options: RequestOptions = {},
): Promise<IDataObject> {
	return await withNodeErrors(this, options.itemIndex, async () => {
		const credentials = await getFactomosCredentials(this);
		return await callFactomosApi(n8nHttp(this), credentials, action, params, options.timeout);
	});
}

export async function factomosSessionRequest(
	this: FactomosFunctions,
	call: SessionCall,
	value: string,
	options: RequestOptions = {},
): Promise<SessionResult> {
	return await withNodeErrors(this, options.itemIndex, async () => {
		const credentials = await getFactomosCredentials(this);
		return await callFactomosSession(n8nHttp(this), credentials, call, value, options.timeout);
	});
}

/** The base URL that document links start with. */
export async function getDocumentBaseUrl(context: FactomosFunctions): Promise<string> {
	return normalizeBaseUrl((await getFactomosCredentials(context)).baseUrl);
}
