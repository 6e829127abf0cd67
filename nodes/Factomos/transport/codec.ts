import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/**
 * Factomos request codec, byte-compatible with the PHP functions of the API doc:
 * mcrypt MCRYPT_RIJNDAEL_128 + MCRYPT_MODE_CFB is AES in 8-bit CFB; the key is the
 * ASCII hex md5 of the secret (32 bytes, so AES-256) and the IV is the secret itself.
 */

const ALGORITHM = 'aes-256-cfb8';
const IV_LENGTH = 16;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class FactomosCodecError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FactomosCodecError';
	}
}

function keyAndIv(secret: string): { key: Buffer; iv: Buffer } {
	if (typeof secret !== 'string' || secret.length === 0) {
		throw new FactomosCodecError('The Factomos secret is empty');
	}
	const key = Buffer.from(createHash('md5').update(secret, 'utf8').digest('hex'), 'ascii');
	const secretBytes = Buffer.from(secret, 'utf8');
	// PHP < 5.6 silently used a zero IV for secrets that are not 16 bytes; PHP >= 5.6 refuses them.
	const iv = secretBytes.length === IV_LENGTH ? secretBytes : Buffer.alloc(IV_LENGTH);
	return { key, iv };
}

/** Encrypts a plaintext and returns plain base64 (not URL-encoded). */
export function encrypt(secret: string, plaintext: string): string {
	const { key, iv } = keyAndIv(secret);
	const cipher = createCipheriv(ALGORITHM, key, iv);
	return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/** Normalises a ciphertext payload: URL-encoded base64 (factomos_encode), raw base64, whitespace. */
export function toCiphertext(payload: string): Buffer {
	// Plain-JS callers (index.js) may pass null or numbers, and String(null) is valid base64.
	if (typeof payload !== 'string') {
		throw new FactomosCodecError('The payload is not a string');
	}
	let text = payload.trim();
	if (text.includes('%')) {
		try {
			text = decodeURIComponent(text);
		} catch {
			throw new FactomosCodecError('The payload is neither base64 nor URL-encoded base64');
		}
	}
	text = text.replace(/\s+/g, '');
	if (!BASE64.test(text) || text.length % 4 === 1) {
		throw new FactomosCodecError('The payload is neither base64 nor URL-encoded base64');
	}
	return Buffer.from(text, 'base64');
}

/** Decrypts URL-encoded or raw base64 ciphertext into the UTF-8 plaintext. */
export function decrypt(secret: string, payload: string): string {
	const { key, iv } = keyAndIv(secret);
	const decipher = createDecipheriv(ALGORITHM, key, iv);
	return Buffer.concat([decipher.update(toCiphertext(payload)), decipher.final()]).toString('utf8');
}

export type FormScalar = string | number | boolean | null | undefined;
export type FormValue = FormScalar | FormScalar[];
export type FormParams = Record<string, FormValue>;

function formScalar(value: FormScalar): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean') return value ? '1' : '0';
	const text = String(value);
	// Lone surrogates cannot be UTF-8 encoded; replace them instead of throwing URIError.
	return encodeURIComponent(text.toWellFormed ? text.toWellFormed() : text);
}

/**
 * Serialises parameters as application/x-www-form-urlencoded, the way PHP parse_str reads it:
 * arrays become `name[]=…` (every element kept, empty strings included), booleans 0/1, and
 * values are UTF-8 percent-encoded so `&`, `=`, `+`, `%` and newlines survive.
 * Scalar parameters that are undefined or null are left out.
 */
export function encodeForm(params: FormParams): string {
	const parts: string[] = [];
	for (const [name, value] of Object.entries(params)) {
		const encodedName = encodeURIComponent(name);
		if (Array.isArray(value)) {
			for (const element of value) parts.push(`${encodedName}[]=${formScalar(element)}`);
		} else if (value !== undefined && value !== null) {
			parts.push(`${encodedName}=${formScalar(value)}`);
		}
	}
	return parts.join('&');
}
