import { createCipheriv, createHash } from 'node:crypto';

import {
	decrypt,
	encodeForm,
	encrypt,
	FactomosCodecError,
	toCiphertext,
	type FormParams,
} from '../../nodes/Factomos/transport/codec';
import { printError } from '../host';
import {
	expectedDecoded,
	loadGoldenVectors,
	phpUrlencode,
	phpWithMcrypt,
	randomParams,
	randomSecret16,
	randomUnicode,
	runPhp,
	Rng,
	SEED,
	type GoldenVector,
} from './support';

const vectors = loadGoldenVectors();
const ivVectors = vectors.filter((vector) => vector.iv === undefined);
const zeroIvVectors = vectors.filter((vector) => vector.iv === 'zero');
const describeVector = (vector: GoldenVector): string =>
	`${vector.label} (${Buffer.byteLength(vector.plaintext)} bytes) with secret ${JSON.stringify(vector.secret)}`;

/** Decodes an encodeForm body the way a browser would (URLSearchParams), grouping `name[]`. */
function decodeWithUrlSearchParams(body: string): Record<string, string | string[]> {
	const decoded: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(body)) {
		if (key.endsWith('[]')) {
			const name = key.slice(0, -2);
			const list = (decoded[name] as string[] | undefined) ?? [];
			list.push(value);
			decoded[name] = list;
		} else {
			decoded[key] = value;
		}
	}
	return decoded;
}

describe('codec => golden vectors', () => {
	it('should have vectors for 16-byte secrets and zero-IV secrets', () => {
		expect(ivVectors.length).toBeGreaterThanOrEqual(15);
		expect(zeroIvVectors.map((vector) => Buffer.byteLength(vector.secret))).toEqual(
			expect.arrayContaining([8, 20, 32]),
		);
		for (const vector of ivVectors) expect(Buffer.byteLength(vector.secret)).toBe(16);
	});
});

describe('codec => encrypt', () => {
	it.each(ivVectors.map((vector) => [describeVector(vector), vector] as const))(
		'should match factomos_encode for %s',
		(_name, vector) => {
			const base64 = encrypt(vector.secret, vector.plaintext);
			expect(base64).toBe(vector.base64);
			expect(phpUrlencode(base64)).toBe(vector.encoded);
			// On the base64 alphabet PHP urlencode and encodeURIComponent agree.
			expect(encodeURIComponent(base64)).toBe(vector.encoded);
		},
	);

	it('should return an empty string for an empty plaintext', () => {
		expect(encrypt('0123456789abcdef', '')).toBe('');
	});

	it('should throw FactomosCodecError for an empty secret', () => {
		expect(() => encrypt('', 'action=getClient')).toThrow(FactomosCodecError);
	});

	it('should not throw on a lone surrogate (it is encrypted as U+FFFD)', () => {
		const secret = 'dummy-secret-16b';
		expect(decrypt(secret, encrypt(secret, 'a\ud800b'))).toBe('a\ufffdb');
	});
});

describe('codec => decrypt', () => {
	it.each(ivVectors.map((vector) => [describeVector(vector), vector] as const))(
		'should decrypt the factomos_encode output for %s',
		(_name, vector) => {
			expect(decrypt(vector.secret, vector.encoded)).toBe(vector.plaintext);
			expect(decrypt(vector.secret, vector.base64)).toBe(vector.plaintext);
		},
	);

	it.each(ivVectors.map((vector) => [describeVector(vector), vector] as const))(
		'should ignore surrounding and wrapping whitespace for %s',
		(_name, vector) => {
			expect(decrypt(vector.secret, `  \r\n${vector.encoded}\n\t `)).toBe(vector.plaintext);
			expect(decrypt(vector.secret, `\n${vector.base64}\r\n`)).toBe(vector.plaintext);
			// PHP chunk_split / MIME style: 76-character lines.
			const wrapped = vector.base64.replace(/.{76}/g, '$&\r\n');
			expect(decrypt(vector.secret, wrapped)).toBe(vector.plaintext);
		},
	);

	it.each([
		['an HTML error page', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
		['an invalid percent escape', '%zz'],
		['a truncated percent escape', 'abcd%2'],
		['text with spaces that is not base64', 'not base64'],
		['text with punctuation that is not base64', 'not base64!'],
		['a plain JSON error', '{"error":{"code":-3,"message":"Invalid Token"}}'],
		['base64 with a dangling character', 'QUJDRA=E'],
		['a single base64 character', 'Q'],
		['base64 with too much padding', 'QQ==='],
	])('should throw FactomosCodecError for %s', (_name, payload) => {
		expect(() => decrypt('0123456789abcdef', payload)).toThrow(FactomosCodecError);
		expect(() => toCiphertext(payload)).toThrow(FactomosCodecError);
	});

	it('should throw FactomosCodecError for an empty secret', () => {
		expect(() => decrypt('', 'QUJD')).toThrow(FactomosCodecError);
	});

	it('should throw FactomosCodecError for a payload that is not a string', () => {
		// index.js is plain JS, so callers can pass anything; String(null) is valid base64.
		for (const payload of [null, undefined, 1234, {}]) {
			expect(() => decrypt('0123456789abcdef', payload as unknown as string)).toThrow(FactomosCodecError);
		}
	});
});

describe('codec => zero IV for secrets that are not 16 bytes', () => {
	it.each(zeroIvVectors.map((vector) => [describeVector(vector), vector] as const))(
		'should match PHP < 5.6 (zero IV) for %s',
		(_name, vector) => {
			expect(encrypt(vector.secret, vector.plaintext)).toBe(vector.base64);
			expect(decrypt(vector.secret, vector.encoded)).toBe(vector.plaintext);
			expect(decrypt(vector.secret, vector.base64)).toBe(vector.plaintext);
		},
	);

	it('should count the secret in UTF-8 bytes, not UTF-16 code units', () => {
		// 16 characters but 17 bytes: PHP saw 17 bytes, so the zero IV applies.
		const secret = 'é123456789abcdef';
		const key = Buffer.from(createHash('md5').update(secret, 'utf8').digest('hex'), 'ascii');
		const cipher = createCipheriv('aes-256-cfb8', key, Buffer.alloc(16));
		const expected = Buffer.concat([cipher.update('action=getClient', 'utf8'), cipher.final()]);
		expect(encrypt(secret, 'action=getClient')).toBe(expected.toString('base64'));
		expect(decrypt(secret, expected.toString('base64'))).toBe('action=getClient');
	});
});

describe('codec => encodeForm', () => {
	it('should encode the createInvoice example of the doc like PHP http_build_query with []', () => {
		const body = encodeForm({
			action: 'createInvoice',
			client_id: 19,
			invoice_attention: 'Monsieur Test',
			payment_condition_enable: true,
			vat_enable: false,
			line_service_id: [19, 75],
			line_description: ['Abonnement Pictomos', ''],
			line_price: [9.5, null],
		});
		expect(body).toBe(
			'action=createInvoice&client_id=19&invoice_attention=Monsieur%20Test' +
				'&payment_condition_enable=1&vat_enable=0' +
				'&line_service_id[]=19&line_service_id[]=75' +
				'&line_description[]=Abonnement%20Pictomos&line_description[]=' +
				'&line_price[]=9.5&line_price[]=',
		);
	});

	it('should leave out null and undefined scalars and empty arrays', () => {
		expect(encodeForm({ a: null, b: undefined, c: [], d: 'x' })).toBe('d=x');
	});

	it('should not throw on lone surrogates (they become U+FFFD)', () => {
		const params: FormParams = { a: 'x\ud800', b: ['\udc00', 'ok'], c: '\udfff\ud83d' };
		expect(() => encodeForm(params)).not.toThrow();
		expect(encodeForm(params)).toBe(
			'a=x%EF%BF%BD&b[]=%EF%BF%BD&b[]=ok&c=%EF%BF%BD%EF%BF%BD',
		);
	});
});

describe(`codec => random round trips (seed ${SEED}, replay with FACTOMOS_TEST_SEED=${SEED})`, () => {
	it('should decrypt(s, encrypt(s, x)) === x for 1,000 random Unicode strings', () => {
		const rng = new Rng(SEED, 'encrypt round trip');
		const failures: object[] = [];
		for (let i = 0; i < 1000; i++) {
			// Mostly 16-byte secrets, some of other lengths (zero IV).
			const secret = rng.chance(0.8) ? randomSecret16(rng) : randomUnicode(rng, 30) || 'k';
			const plaintext = randomUnicode(rng, i % 10 === 0 ? 400 : 40);
			const base64 = encrypt(secret, plaintext);
			const viaBase64 = decrypt(secret, base64);
			const viaUrlencoded = decrypt(secret, phpUrlencode(base64));
			if (viaBase64 !== plaintext || viaUrlencoded !== plaintext) {
				failures.push({ seed: SEED, index: i, secret, plaintext, viaBase64, viaUrlencoded });
			}
		}
		expect(failures).toEqual([]);
	});

	it('should give back every value when the encodeForm output is read with URLSearchParams', () => {
		const rng = new Rng(SEED, 'encodeForm round trip');
		const failures: object[] = [];
		for (let i = 0; i < 1000; i++) {
			const params = randomParams(rng);
			const body = encodeForm(params);
			const decoded = decodeWithUrlSearchParams(body);
			const expected = expectedDecoded(params);
			// Only unreserved characters, escapes and the form delimiters may appear raw.
			const safe = /^[A-Za-z0-9\-_.!~*'()%&=[\]]*$/.test(body);
			if (!safe || JSON.stringify(decoded) !== JSON.stringify(expected)) {
				failures.push({ seed: SEED, index: i, params, body, decoded, expected });
			}
		}
		expect(failures).toEqual([]);
	});
});

const php = phpWithMcrypt();
if (!php.available) {
	printError(`Skipping the live PHP cross-checks of the Factomos codec: ${php.reason}.`);
}
const describeWithPhp = php.available ? describe : describe.skip;
const phpTitle = php.available
	? `codec => live PHP cross-check (seed ${SEED}, replay with FACTOMOS_TEST_SEED=${SEED})`
	: `codec => live PHP cross-check (skipped: ${php.reason})`;

describeWithPhp(phpTitle, () => {
	it('should be decrypted by PHP factomos_decode for 200 random plaintexts encrypted by TS', () => {
		const rng = new Rng(SEED, 'ts to php');
		const cases = Array.from({ length: 200 }, (_, i) => ({
			secret: randomSecret16(rng),
			plaintext: randomUnicode(rng, i % 20 === 0 ? 500 : 60),
		}));
		const response = runPhp({
			op: 'decode',
			items: cases.map(({ secret, plaintext }) => ({
				secret,
				value: phpUrlencode(encrypt(secret, plaintext)),
			})),
		});
		const failures = cases
			.map((testCase, index) => ({ ...testCase, index, php: response.results[index], raw: response.raw?.[index] }))
			.filter(
				(result) =>
					result.php !== result.plaintext ||
					result.raw !== Buffer.from(result.plaintext, 'utf8').toString('base64'),
			)
			.map((result) => ({ seed: SEED, ...result }));
		expect(failures).toEqual([]);
	});

	it('should decrypt PHP factomos_encode output and produce the same ciphertext for 200 random plaintexts', () => {
		const rng = new Rng(SEED, 'php to ts');
		const cases = Array.from({ length: 200 }, (_, i) => ({
			secret: randomSecret16(rng),
			plaintext: randomUnicode(rng, i % 20 === 0 ? 500 : 60),
		}));
		const response = runPhp({
			op: 'encode',
			items: cases.map(({ secret, plaintext }) => ({ secret, value: plaintext })),
		});
		const failures = cases
			.map((testCase, index) => {
				const encoded = response.results[index] as string;
				return {
					...testCase,
					index,
					encoded,
					decrypted: decrypt(testCase.secret, encoded),
					sameCiphertext: phpUrlencode(encrypt(testCase.secret, testCase.plaintext)) === encoded,
				};
			})
			.filter((result) => result.decrypted !== result.plaintext || !result.sameCiphertext)
			.map((result) => ({ seed: SEED, ...result }));
		expect(failures).toEqual([]);
	});

	it('should be read back exactly by PHP parse_str for 300 random parameter sets', () => {
		const rng = new Rng(SEED, 'parse_str');
		const cases = Array.from({ length: 300 }, () => randomParams(rng));
		const bodies = cases.map((params) => encodeForm(params));
		const response = runPhp({ op: 'parse_str', items: bodies });
		const failures = cases
			.map((params, index) => ({
				index,
				params,
				body: bodies[index],
				expected: expectedDecoded(params),
				php: response.results[index],
			}))
			.filter((result) => !isDeepStrictEqual(result.php, result.expected))
			.map((result) => ({ seed: SEED, ...result }));
		expect(failures).toEqual([]);
	});

	it('should match PHP for secrets of 16 UTF-8 bytes that are not ASCII', () => {
		const secret = 'éàç0123456789';
		expect(Buffer.byteLength(secret)).toBe(16);
		const plaintext = 'action=getClient&client_id=766&note=é€🎉';
		const [encoded] = runPhp({ op: 'encode', secret, items: [plaintext] }).results as string[];
		expect(phpUrlencode(encrypt(secret, plaintext))).toBe(encoded);
		expect(decrypt(secret, encoded)).toBe(plaintext);
	});
});

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
	// Key order matters too: PHP keeps the order of the body, so does encodeForm.
	return JSON.stringify(a) === JSON.stringify(b);
}
