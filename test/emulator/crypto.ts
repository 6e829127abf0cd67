import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { phpUrlencode } from './php';

/**
 * mcrypt RIJNDAEL_128 in MCRYPT_MODE_CFB is AES with 8-bit feedback; the key is the ASCII
 * md5 hex of the secret (32 bytes, hence AES-256) and the IV is the secret when it is
 * 16 bytes long, zeros otherwise (what php-mcrypt effectively does for other lengths).
 */
const ALGORITHM = 'aes-256-cfb8';

export type ResponseMode = 'urlencoded' | 'base64' | 'plain';

function keyAndIv(secret: string): { key: Buffer; iv: Buffer } {
	const key = Buffer.from(createHash('md5').update(secret, 'utf8').digest('hex'), 'ascii');
	const secretBytes = Buffer.from(secret, 'utf8');
	return { key, iv: secretBytes.length === 16 ? secretBytes : Buffer.alloc(16) };
}

export function encryptBytes(secret: string, plaintext: Buffer | string): Buffer {
	const { key, iv } = keyAndIv(secret);
	const cipher = createCipheriv(ALGORITHM, key, iv);
	const input = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
	return Buffer.concat([cipher.update(input), cipher.final()]);
}

export function decryptBytes(secret: string, ciphertext: Buffer): Buffer {
	const { key, iv } = keyAndIv(secret);
	const decipher = createDecipheriv(ALGORITHM, key, iv);
	return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** base64_encode(mcrypt_encrypt(...)) */
export function encryptToBase64(secret: string, plaintext: Buffer | string): string {
	return encryptBytes(secret, plaintext).toString('base64');
}

/** Strict base64: Node's decoder silently skips junk, which would hide client encoding bugs. */
export function isStrictBase64(text: string): boolean {
	return text.length > 0 && text.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(text);
}

/** A correct client percent-encodes everything, so its plaintext is printable ASCII. */
export function isPrintableAscii(bytes: Buffer): boolean {
	for (const byte of bytes) if (byte < 0x20 || byte > 0x7e) return false;
	return true;
}

/** Encodes a JSON response body the way the configured response mode asks. */
export function encodeResponse(secret: string, json: string, mode: ResponseMode): string {
	if (mode === 'plain') return json;
	const base64 = encryptToBase64(secret, json);
	return mode === 'urlencoded' ? phpUrlencode(base64) : base64;
}
