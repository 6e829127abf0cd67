import type { IDataObject } from 'n8n-workflow';

import { parseTolerantJson } from '../Factomos/transport/tolerantJson';

/** The only error the parsing functions throw; its message is safe to send back to the caller. */
export class FactomosWebhookError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FactomosWebhookError';
	}
}

export interface FactomosNotification {
	notificationType: string;
	body: IDataObject;
}

const EMPTY_BODY = 'Empty body: expected a Factomos JSON notification';

function parseJsonText(text: string): unknown {
	const parsed = parseTolerantJson(text);
	if (!parsed) throw new FactomosWebhookError('Body is not valid JSON');
	return parsed.value;
}

/** A body sent as a form: one field holding the JSON (`payload={...}`), or the JSON itself as the only key. */
function jsonFromFormText(text: string): string | undefined {
	const pairs = [...new URLSearchParams(text)];
	if (pairs.length !== 1) return undefined;
	const [key, value] = pairs[0];
	const candidate = value === '' ? key : value;
	return candidate.trim().startsWith('{') ? candidate : undefined;
}

function parseCandidate(json: string): unknown {
	const value = parseJsonText(json);
	// Some senders JSON-encode the JSON text once more.
	if (typeof value === 'string' && value.trim().startsWith('{')) return parseJsonText(value.trim());
	return value;
}

function parseText(raw: string): unknown {
	const text = raw.replace(/^\uFEFF/, '').trim();
	if (text === '') throw new FactomosWebhookError(EMPTY_BODY);
	const looksLikeJson = /^[{["]/.test(text);
	if (looksLikeJson) {
		try {
			return parseCandidate(text);
		} catch {
			// Maybe percent-encoded JSON: tried below.
		}
	}
	const fromForm = jsonFromFormText(text);
	if (fromForm !== undefined && fromForm !== text) {
		try {
			return parseCandidate(fromForm);
		} catch {
			// Reported below.
		}
	}
	throw new FactomosWebhookError(looksLikeJson || fromForm !== undefined ? 'Body is not valid JSON' : 'Body is not JSON');
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** Nested fields (`a[b]=c`) come back as objects, possibly without a prototype, which String() rejects. */
function formText(value: unknown): string {
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Rebuilds the text of a body that n8n already parsed as a form (no rawBody available): the
 * JSON was split at each `&` and first `=`. Lossy for `+` and `%xx` inside strings.
 */
function formObjectToText(body: IDataObject): string {
	const fields: string[] = [];
	for (const [key, value] of Object.entries(body)) {
		const values = Array.isArray(value) ? value : [value];
		for (const item of values) {
			fields.push(item === '' || item === undefined || item === null ? key : `${key}=${formText(item)}`);
		}
	}
	return fields.join('&');
}

function toText(input: Buffer | Uint8Array): string {
	return Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
}

/**
 * Turns whatever carried the body (raw bytes, text, an object parsed by n8n as JSON or as a form)
 * into the notification object. Throws only FactomosWebhookError.
 */
export function parseNotificationBody(input: unknown): IDataObject {
	let value: unknown;
	if (input instanceof Uint8Array) value = parseText(toText(input));
	else if (typeof input === 'string') value = parseText(input);
	else if (isPlainObject(input)) {
		if (Object.keys(input).length === 0) throw new FactomosWebhookError(EMPTY_BODY);
		value = 'notification_type' in input ? input : parseText(formObjectToText(input));
	} else if (input === undefined || input === null) {
		throw new FactomosWebhookError(EMPTY_BODY);
	} else {
		throw new FactomosWebhookError('Body is not a JSON object');
	}
	if (!isPlainObject(value)) throw new FactomosWebhookError('Body is not a JSON object');
	return value;
}

/** Parses the body and checks it is a notification (§8): notification_type is required. */
export function parseNotification(input: unknown): FactomosNotification {
	const body = parseNotificationBody(input);
	const type = body.notification_type;
	if (typeof type !== 'string' || type.trim() === '') {
		throw new FactomosWebhookError('Missing notification_type');
	}
	return { notificationType: type.trim(), body };
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `custom` is free text echoed back by Factomos; apps often put a query string in it
 * (the doc's example is "id=3"). Returns its fields, or {} when it is not of that form.
 */
export function parseCustomFields(custom: unknown): IDataObject {
	if (typeof custom !== 'string' && typeof custom !== 'number') return {};
	const text = String(custom).trim().replace(/^\?/, '');
	if (text === '') return {};
	const parts = text.split('&').filter((part) => part !== '');
	if (parts.some((part) => part.indexOf('=') < 1)) return {};
	const fields = new Map<string, string | string[]>();
	for (const [key, value] of new URLSearchParams(parts.join('&'))) {
		if (UNSAFE_KEYS.has(key)) continue;
		const previous = fields.get(key);
		if (previous === undefined) fields.set(key, value);
		else fields.set(key, Array.isArray(previous) ? [...previous, value] : [previous, value]);
	}
	return Object.fromEntries(fields);
}
