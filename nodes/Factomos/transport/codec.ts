import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/**
 * Factomos request codec, byte-compatible with the PHP functions of the API doc:
 * mcrypt MCRYPT_RIJNDAEL_128 + MCRYPT_MODE_CFB is AES in 8-bit CFB; the key is the
 * ASCII hex md5 of the secret (32 bytes, so AES-256) and the IV is the secret itself.
 */

const ALGORITHM = 'aes-256-cfb8';
const IV_LENGTH = 16;
// Unanchored on purpose: V8 scans a 1 MB payload for one bad character ~8x faster than it
// matches the anchored ^[A-Za-z0-9+/]*={0,2}$; isBase64 checks the padding separately.
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

export class FactomosCodecError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FactomosCodecError';
	}
}

interface KeyAndIv {
	secret: string;
	key: Buffer;
	iv: Buffer;
}

/** The last secret's key and IV: a node calls with one secret for every item, so derive once. */
let lastKey: KeyAndIv | undefined;

function keyAndIv(secret: string): KeyAndIv {
	if (typeof secret !== 'string' || secret.length === 0) {
		throw new FactomosCodecError('The Factomos secret is empty');
	}
	if (lastKey?.secret === secret) return lastKey;
	const key = Buffer.from(createHash('md5').update(secret, 'utf8').digest('hex'), 'ascii');
	const secretBytes = Buffer.from(secret, 'utf8');
	// PHP < 5.6 silently used a zero IV for secrets that are not 16 bytes; PHP >= 5.6 refuses them.
	const iv = secretBytes.length === IV_LENGTH ? secretBytes : Buffer.alloc(IV_LENGTH);
	lastKey = { secret, key, iv };
	return lastKey;
}

/** CFB8 is a stream mode: final() is empty, so skip the copy Buffer.concat would make. */
function finish(first: Buffer, last: Buffer): Buffer {
	return last.length === 0 ? first : Buffer.concat([first, last]);
}

/** Encrypts a plaintext and returns plain base64 (not URL-encoded). */
export function encrypt(secret: string, plaintext: string): string {
	const { key, iv } = keyAndIv(secret);
	const cipher = createCipheriv(ALGORITHM, key, iv);
	return finish(cipher.update(plaintext, 'utf8'), cipher.final()).toString('base64');
}

/** Base64 alphabet only, with `=` padding as the last one or two characters. */
function isBase64(text: string): boolean {
	if (text.length % 4 === 1 || NOT_BASE64.test(text)) return false;
	const padding = text.indexOf('=');
	return padding === -1 || (padding >= text.length - 2 && text.endsWith('='));
}

const NOT_A_CIPHERTEXT = 'The payload is neither base64 nor URL-encoded base64';

/** The ciphertext bytes of URL-encoded base64 (factomos_encode), raw base64 or either with whitespace; undefined otherwise. */
function ciphertextBytes(payload: string): Buffer | undefined {
	let text = payload.trim();
	if (text.includes('%')) {
		const decoded = decodePercent(text);
		if (decoded === undefined) return undefined;
		text = decoded;
	}
	text = text.replace(/\s+/g, '');
	return isBase64(text) ? Buffer.from(text, 'base64') : undefined;
}

function decodePercent(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		// A malformed escape: not factomos_encode output.
		return undefined;
	}
}

/** Normalises a ciphertext payload: URL-encoded base64 (factomos_encode), raw base64, whitespace. */
export function toCiphertext(payload: string): Buffer {
	// Plain-JS callers (index.js) may pass null or numbers, and String(null) is valid base64.
	if (typeof payload !== 'string') {
		throw new FactomosCodecError('The payload is not a string');
	}
	const bytes = ciphertextBytes(payload);
	if (!bytes) throw new FactomosCodecError(NOT_A_CIPHERTEXT);
	return bytes;
}

function decryptBytes(secret: string, bytes: Buffer): string {
	const { key, iv } = keyAndIv(secret);
	const decipher = createDecipheriv(ALGORITHM, key, iv);
	return finish(decipher.update(bytes), decipher.final()).toString('utf8');
}

/** Decrypts URL-encoded or raw base64 ciphertext into the UTF-8 plaintext. */
export function decrypt(secret: string, payload: string): string {
	keyAndIv(secret);
	return decryptBytes(secret, toCiphertext(payload));
}

/** Like decrypt, but undefined instead of an error when there is no secret or the payload is no ciphertext. */
export function tryDecrypt(secret: string, payload: string): string | undefined {
	if (typeof secret !== 'string' || secret === '' || typeof payload !== 'string') return undefined;
	const bytes = ciphertextBytes(payload);
	return bytes ? decryptBytes(secret, bytes) : undefined;
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
