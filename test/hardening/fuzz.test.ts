import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { decrypt, FactomosCodecError } from '../../nodes/Factomos/transport/codec';
import { decodeResponse, factomosApiRequest, FactomosFailure } from '../../nodes/Factomos/transport';
import {
	FactomosWebhookError,
	parseCustomFields,
	parseNotification,
} from '../../nodes/FactomosTrigger/parse';
import { encodeResponse, type ResponseMode } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { executeContext, runNode } from '../helpers/n8n';
import { createRandom, hostileBody, hostileText, TEN_KB, type Random } from './generators';
import { http, process, vm } from '../host';

/** Replay a failure with FUZZ_SEED=<seed> npx jest test/hardening/fuzz.test.ts */
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed2026);
const RESPONSE_MODES: ResponseMode[] = ['urlencoded', 'base64', 'plain'];

/** Seed clients, service and invoice the generated requests refer to (test/emulator/seed.ts). */
const CLIENT_ID = '1001';
const SERVICE_ID = '2001';

/** Every free-text field of Client → Create (client_email is validated, so it is not free text). */
const CLIENT_TEXT_FIELDS = [
	'client_company_name',
	'client_address',
	'client_address_more',
	'client_city',
	'client_contact_lastname',
	'client_country',
	'description',
	'client_keyword',
	'client_lang',
	'client_phonenumber',
	'client_reference',
	'number_siret',
	'number_tva',
	'client_website',
	'client_zipcode',
];
const INVOICE_TEXT_FIELDS = ['objet', 'invoice_attention', 'invoice_comment'];
const CLIENT_ITEMS = 120;
const INVOICE_ITEMS = 42;
/** 4 arrays × 200 lines + 5 fields stays under PHP's max_input_vars (1000), which the emulator enforces. */
const LINES_PER_INVOICE = 200;
const LONG_VALUE_RATE = 0.02;
const READ_BACK_CLIENTS_PER_MODE = 12;
const READ_BACK_INVOICES_PER_MODE = 2;

type Values = Record<string, string>;

function expression(field: string): string {
	return `={{ $json.${field} }}`;
}

function textValue(random: Random): string {
	return hostileText(random, { long: random.chance(LONG_VALUE_RATE) });
}

/** Where two strings first differ, shown around that point (values can be 10 KB long). */
function difference(label: string, sent: unknown, got: unknown): string {
	const a = JSON.stringify(sent) ?? 'undefined';
	const b = JSON.stringify(got) ?? 'undefined';
	let at = 0;
	while (at < a.length && a[at] === b[at]) at++;
	const around = (text: string) => text.slice(Math.max(0, at - 30), at + 30);
	return `${label}: differs at JSON char ${at}: sent …${around(a)}… got …${around(b)}…`;
}

/** Compares each expected value with what arrived; returns how many values were checked. */
function compareValues(label: string, expected: Record<string, unknown>, actual: Record<string, unknown>, mismatches: string[]): number {
	let checked = 0;
	for (const [field, value] of Object.entries(expected)) {
		const got = actual[field];
		const values = Array.isArray(value) ? value : [value];
		checked += values.length;
		if (JSON.stringify(got) !== JSON.stringify(value)) mismatches.push(difference(`${label}.${field}`, value, got));
	}
	return checked;
}

function expectNoMismatch(mismatches: string[]) {
	// The first few are enough to locate a bug; thousands of 10 KB diffs are not.
	expect({ count: mismatches.length, first: mismatches.slice(0, 5) }).toEqual({ count: 0, first: [] });
}

/** A deterministic sample of `count` indexes, always including the ones `mustInclude` picks. */
function sample(random: Random, total: number, count: number, mustInclude: (index: number) => boolean): number[] {
	const chosen = new Set<number>();
	for (let index = 0; index < total && chosen.size < count / 2; index++) if (mustInclude(index)) chosen.add(index);
	while (chosen.size < count) chosen.add(random.int(total));
	return [...chosen];
}

describe(`fuzz => node encoder and read-back (seed ${SEED})`, () => {
	const { env, expectInputError } = useActionEmulator();
	let checkedValues = 0;

	beforeEach(() => env.emu.setQuota(1_000_000));

	/** Runs Get for `ids` in `mode` and returns the records the node output. */
	async function readBack(mode: ResponseMode, resource: 'client' | 'invoice', ids: string[]): Promise<IDataObject[]> {
		env.emu.setResponseMode(mode);
		const parameters =
			resource === 'client'
				? { resource, operation: 'get', client_id: { __rl: true, mode: 'id', value: expression('id') } }
				: { resource, operation: 'get', invoice_id: expression('id') };
		const output = await runNode(env.creds, parameters, { items: ids.map((id) => ({ id })) });
		expect(output).toHaveLength(ids.length);
		return output.map((item) => item.json);
	}

	it('should deliver every generated client field unchanged, and read a sample back unchanged in each response mode', async () => {
		const random = createRandom(SEED);
		const clients: Values[] = Array.from({ length: CLIENT_ITEMS }, () =>
			Object.fromEntries(CLIENT_TEXT_FIELDS.map((field) => [field, textValue(random)])),
		);
		const additionalFields = Object.fromEntries(
			CLIENT_TEXT_FIELDS.filter((field) => field !== 'client_company_name').map((field) => [field, expression(field)]),
		);
		const output = await runNode(
			env.creds,
			{
				resource: 'client',
				operation: 'create',
				category: 'client',
				client_company_name: expression('client_company_name'),
				additionalFields,
			},
			{ items: clients },
		);

		expect(env.emu.calls).toHaveLength(CLIENT_ITEMS);
		const mismatches: string[] = [];
		clients.forEach((values, index) => {
			const { params } = env.emu.calls[index];
			expect(Object.keys(params).sort()).toEqual(['action', 'category', ...CLIENT_TEXT_FIELDS].sort());
			checkedValues += compareValues(`client ${index}`, values, params, mismatches);
		});
		expectNoMismatch(mismatches);

		const ids = output.map((item) => String(item.json.client_id));
		const hasLongValue = (index: number) => Object.values(clients[index]).some((value) => value.length >= TEN_KB);
		const hasEdgeSpace = (index: number) => Object.values(clients[index]).some((value) => value !== value.trim());
		let readBackValues = 0;
		for (const mode of RESPONSE_MODES) {
			const picked = sample(random, CLIENT_ITEMS, READ_BACK_CLIENTS_PER_MODE, (index) => hasLongValue(index) || hasEdgeSpace(index));
			const records = await readBack(mode, 'client', picked.map((index) => ids[index]));
			picked.forEach((index, position) => {
				readBackValues += compareValues(`${mode} client ${index}`, clients[index], records[position], mismatches);
			});
		}
		expectNoMismatch(mismatches);
		expect(readBackValues).toBe(RESPONSE_MODES.length * READ_BACK_CLIENTS_PER_MODE * CLIENT_TEXT_FIELDS.length);
		expect(clients.flatMap((values) => Object.values(values)).filter((value) => value.length >= TEN_KB).length).toBeGreaterThan(10);
	}, 60_000);

	it('should deliver every generated invoice field and line description unchanged, and read lines back unchanged in each response mode', async () => {
		const random = createRandom(SEED + 1);
		const invoices = Array.from({ length: INVOICE_ITEMS }, () => {
			const lines = Array.from({ length: LINES_PER_INVOICE }, () =>
				random.chance(0.2)
					? { title: true, description: textValue(random) }
					: { serviceId: SERVICE_ID, quantity: '1', description: textValue(random) },
			);
			const fields: Values = Object.fromEntries(INVOICE_TEXT_FIELDS.map((field) => [field, textValue(random)]));
			return { ...fields, lines };
		});
		const output = await runNode(
			env.creds,
			{
				resource: 'invoice',
				operation: 'create',
				client_id: { __rl: true, mode: 'id', value: CLIENT_ID },
				linesInputMode: 'json',
				linesJson: expression('lines'),
				additionalFields: Object.fromEntries(INVOICE_TEXT_FIELDS.map((field) => [field, expression(field)])),
			},
			{ items: invoices },
		);

		expect(env.emu.calls).toHaveLength(INVOICE_ITEMS);
		const mismatches: string[] = [];
		invoices.forEach(({ lines, ...fields }, index) => {
			const { params } = env.emu.calls[index];
			expect(params).toMatchObject({
				action: 'createInvoice',
				client_id: CLIENT_ID,
				line_service_id: lines.map((line) => ('title' in line ? '75' : SERVICE_ID)),
				line_quantity: lines.map((line) => ('title' in line ? '' : '1')),
				line_price: lines.map(() => ''),
			});
			const expected = { ...fields, line_description: lines.map((line) => line.description) };
			checkedValues += compareValues(`invoice ${index}`, expected, params, mismatches);
		});
		expectNoMismatch(mismatches);

		const ids = output.map((item) => String(item.json.invoice_id));
		let readBackValues = 0;
		for (const mode of RESPONSE_MODES) {
			const picked = sample(random, INVOICE_ITEMS, READ_BACK_INVOICES_PER_MODE, () => false);
			const records = await readBack(mode, 'invoice', picked.map((index) => ids[index]));
			picked.forEach((index, position) => {
				const comments = (records[position].articleList as IDataObject[]).map((line) => line.comment);
				const expected = { comments: invoices[index].lines.map((line) => line.description) };
				readBackValues += compareValues(`${mode} invoice ${index}`, expected, { comments }, mismatches);
			});
		}
		expectNoMismatch(mismatches);
		expect(readBackValues).toBe(RESPONSE_MODES.length * READ_BACK_INVOICES_PER_MODE * LINES_PER_INVOICE);
	}, 60_000);

	it('should send free text exactly as typed, trim codes and IDs, and still reject a blank required name', async () => {
		await runNode(env.creds, {
			resource: 'client',
			operation: 'update',
			client_id: { __rl: true, mode: 'id', value: ` ${CLIENT_ID}\n` },
			updateFields: { category: ' prospect ', client_company_name: '  Acme\t', client_city: '\nLyon ' },
		});
		expect(env.emu.calls[0].params).toEqual({
			action: 'editClient',
			client_id: CLIENT_ID,
			category: 'prospect',
			client_company_name: '  Acme\t',
			client_city: '\nLyon ',
		});
		await expectInputError(
			{ resource: 'client', operation: 'create', category: 'client', client_company_name: ' \t\n' },
			/^Company Name is required/,
		);
	});

	it('should have checked at least 10,000 generated values end to end', () => {
		expect(checkedValues).toBeGreaterThanOrEqual(10_000);
	});
});

const HANG_MS = 20_000;

/**
 * Runs a synchronous fuzz loop under a watchdog, so a decoder that hangs fails the test naming
 * the case, instead of blocking Jest forever (its own timeout cannot stop synchronous code).
 */
const watchdog = vm.createContext({ run: null as null | (() => void) });
const runInWatchdog = new vm.Script('run()');
function fuzzLoop(cases: number, body: (run: number) => void): void {
	let current = 0;
	watchdog.run = () => {
		for (current = 0; current < cases; current++) body(current);
	};
	const result = outcome(() => runInWatchdog.runInContext(watchdog, { timeout: HANG_MS }));
	watchdog.run = null;
	if (!('error' in result)) return;
	if ((result.error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
		throw new Error(`Case ${current} (seed ${SEED}) was still running after ${HANG_MS} ms`);
	}
	throw result.error;
}

type Outcome = { value: unknown } | { error: unknown };

function outcome(run: () => unknown): Outcome {
	try {
		return { value: run() };
	} catch (error) {
		return { error };
	}
}

/** What went against the contract "returns, or throws only `allowed`", or undefined. */
function contractBreach(result: Outcome, allowed: abstract new (...args: never[]) => Error, label: string): string | undefined {
	if ('value' in result) return undefined;
	const { error } = result;
	if (error instanceof allowed && typeof error.message === 'string' && error.message !== '') return undefined;
	const name = (error as Error)?.constructor?.name ?? typeof error;
	return `${label}: threw ${name}: ${String((error as Error)?.message ?? error).slice(0, 120)}`;
}

const CREDENTIALS = { token: 'fuzz-token-dummy-0123456789', secret: 'Fz9!fuzz-secret#', baseUrl: 'http://127.0.0.1:9' };

/** A random JSON object, as a Factomos answer could hold it. */
function randomObject(random: Random): IDataObject {
	const object: IDataObject = { error: { code: random.int(3) - 1, message: hostileText(random) } };
	for (let i = random.int(6); i > 0; i--) object[`k${i}`] = random.chance(0.5) ? hostileText(random) : [random.int(100), null, true];
	return object;
}

/** A ciphertext that was damaged: a byte changed, cut, padded, re-encoded or wrapped. */
function damage(random: Random, text: string): string {
	const at = random.int(text.length + 1);
	const mutations = [
		() => text.slice(0, at) + String.fromCharCode(random.int(128)) + text.slice(at + 1),
		() => text.slice(0, at),
		() => text + random.pick(['=', '%', '%3', '\0', '\n', '{', random.bytes(8).toString('latin1')]),
		() => encodeURIComponent(text),
		() => `${text.slice(0, at)}\r\n${text.slice(at)}`,
		() => `<pre>${text}</pre>`,
	];
	return random.pick(mutations)();
}

describe(`fuzz => codec and response decoder (seed ${SEED})`, () => {
	it('should make decrypt return or throw FactomosCodecError on 4,000 hostile payloads and secrets', () => {
		const random = createRandom(SEED + 2);
		const breaches: string[] = [];
		fuzzLoop(4_000, (run) => {
			const secret = random.pick([CREDENTIALS.secret, '', 'x', '0123456789abcdef', hostileText(random), random.bytes(16).toString('latin1')]);
			const payload = hostileBody(random);
			const result = outcome(() => decrypt(secret, payload));
			const breach = contractBreach(result, FactomosCodecError, `run ${run}`);
			if (breach) breaches.push(breach);
			if ('value' in result) expect(typeof result.value).toBe('string');
		});
		expect(breaches.slice(0, 5)).toEqual([]);
	});

	it('should make decodeResponse return an object or throw FactomosFailure on 6,000 hostile and damaged bodies', () => {
		const random = createRandom(SEED + 3);
		const breaches: string[] = [];
		let decoded = 0;
		let intact = 0;
		fuzzLoop(6_000, (run) => {
			const statusCode = random.pick([200, 200, 200, 204, 301, 400, 403, 404, 500, 502, 503]);
			let body: string;
			let expected: IDataObject | undefined;
			if (random.chance(0.4)) {
				const object = randomObject(random);
				const encoded = encodeResponse(CREDENTIALS.secret, JSON.stringify(object), random.pick(RESPONSE_MODES));
				if (random.chance(0.3)) {
					body = encoded;
					expected = object;
				} else {
					body = damage(random, encoded);
				}
			} else {
				body = random.chance(0.3) ? random.bytes(random.int(600)).toString('utf8') : hostileBody(random);
			}
			const result = outcome(() => decodeResponse({ statusCode, headers: {}, body }, CREDENTIALS));
			const breach = contractBreach(result, FactomosFailure, `run ${run} (HTTP ${statusCode})`);
			if (breach) breaches.push(breach);
			if ('error' in result && result.error instanceof FactomosFailure) {
				expect(result.error.description).toEqual(expect.any(String));
			}
			if ('value' in result) {
				decoded++;
				expect(result.value).toEqual(expect.any(Object));
				expect(Array.isArray(result.value)).toBe(false);
			}
			if (expected) {
				intact++;
				expect(result).toEqual({ value: expected });
			}
		});
		expect(breaches.slice(0, 5)).toEqual([]);
		// The oracle cases prove the decoder is not passing by rejecting everything.
		expect(intact).toBeGreaterThan(500);
		expect(decoded).toBeGreaterThanOrEqual(intact);
	});

	it('should handle huge, empty and pathological bodies quickly with its own errors', () => {
		const big = createRandom(SEED + 4).bytes(3 * 1024 * 1024);
		const bodies = [
			'',
			' \r\n\t ',
			'\uFEFF',
			big.toString('base64'),
			encodeURIComponent(big.toString('base64')),
			big.toString('utf8'),
			big.toString('latin1'),
			'%'.repeat(2_000_000),
			'%25'.repeat(1_000_000),
			'='.repeat(2_000_000),
			'A'.repeat(2_000_001),
			`{${'['.repeat(1_000_000)}`,
			`{"a":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`,
			'{'.repeat(1_000_000),
			`${'A'.repeat(1_000_000)}%`,
			' '.repeat(1_000_000),
		];
		fuzzLoop(bodies.length, (index) => {
			const body = bodies[index];
			for (const statusCode of [200, 500]) {
				const started = Date.now();
				const result = outcome(() => decodeResponse({ statusCode, headers: {}, body }, CREDENTIALS));
				expect(contractBreach(result, FactomosFailure, `body ${index} (HTTP ${statusCode})`)).toBeUndefined();
				expect(Date.now() - started).toBeLessThan(5_000);
			}
			expect(contractBreach(outcome(() => decrypt(CREDENTIALS.secret, body)), FactomosCodecError, `body ${index}`)).toBeUndefined();
		});
	});

	describe('over real HTTP', () => {
		let server: http.Server;
		let bodies: Buffer[] = [];
		let baseUrl = '';

		beforeAll(async () => {
			server = http.createServer((req, res) => {
				req.resume();
				req.on('end', () => {
					const body = bodies.shift() ?? Buffer.alloc(0);
					res.writeHead(body.length % 2 ? 200 : 500, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': body.length });
					res.end(body);
				});
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			const address = server.address();
			baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
		});

		afterAll(async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		});

		it('should turn 300 random-byte responses into NodeApiError through n8n-core, never another error', async () => {
			const random = createRandom(SEED + 5);
			bodies = Array.from({ length: 300 }, () =>
				random.chance(0.5) ? random.bytes(1 + random.int(2_000)) : Buffer.from(hostileBody(random) || ' ', 'utf8'),
			);
			const total = bodies.length;
			const context = executeContext({ ...CREDENTIALS, baseUrl });
			const breaches: string[] = [];
			for (let run = 0; run < total; run++) {
				try {
					await factomosApiRequest.call(context, 'getClient', { client_id: CLIENT_ID }, { itemIndex: 0, timeout: 5_000 });
				} catch (error) {
					if (!(error instanceof NodeApiError)) breaches.push(`run ${run}: ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`);
				}
			}
			expect(bodies).toHaveLength(0);
			expect(breaches.slice(0, 5)).toEqual([]);
		}, 60_000);
	});
});

/** Byte sequences that are not valid UTF-8: stray continuations, overlongs, surrogates, truncated sequences, 0xFE/0xFF. */
const INVALID_UTF8 = [
	[0x80], [0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf],
	[0xf0, 0x82, 0x82, 0xac], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98],
].map((bytes) => Buffer.from(bytes));

function notificationBytes(random: Random, type: string): { bytes: Buffer; safe: boolean } {
	const prefix = Buffer.from(`{"company_id":"550","notification_type":"${type}","result":{"id":"5001","error":{"code":0,"message":"OK"}},"custom":"`);
	const junk = Buffer.concat(Array.from({ length: 1 + random.int(6) }, () => random.pick(INVALID_UTF8)));
	const suffix = Buffer.from('"}');
	// Junk inside the custom string keeps the JSON valid; junk anywhere else may break it.
	if (random.chance(0.5)) return { bytes: Buffer.concat([prefix, junk, suffix]), safe: true };
	const whole = Buffer.concat([prefix, suffix]);
	const at = random.int(whole.length + 1);
	return { bytes: Buffer.concat([whole.subarray(0, at), junk, whole.subarray(at)]), safe: false };
}

describe(`fuzz => trigger parser on random bytes (seed ${SEED})`, () => {
	function expectOnlyOwnOutcome(input: unknown, label: string, breaches: string[]) {
		const result = outcome(() => parseNotification(input));
		const breach = contractBreach(result, FactomosWebhookError, label);
		if (breach) breaches.push(breach);
		return result;
	}

	it('should parse notifications carrying invalid UTF-8 in a string, and reject other damage with FactomosWebhookError', () => {
		const random = createRandom(SEED + 6);
		const breaches: string[] = [];
		let parsedSafe = 0;
		fuzzLoop(3_000, (run) => {
			const { bytes, safe } = notificationBytes(random, 'create_invoice');
			// n8n hands rawBody as a Buffer; a view into a larger buffer checks byteOffset handling too.
			const before = random.int(16);
			const backing = Buffer.concat([random.bytes(before), bytes, random.bytes(random.int(16))]);
			const view = new Uint8Array(backing.buffer, backing.byteOffset + before, bytes.length);
			for (const input of [bytes, view]) {
				const result = expectOnlyOwnOutcome(input, `run ${run}`, breaches);
				if (safe) {
					expect(result).toEqual({ value: expect.objectContaining({ notificationType: 'create_invoice' }) });
					parsedSafe++;
				}
			}
		});
		expect(breaches.slice(0, 5)).toEqual([]);
		expect(parsedSafe).toBeGreaterThan(2_000);
	});

	it('should only ever return or throw FactomosWebhookError on 3,000 random byte bodies of every size', () => {
		const random = createRandom(SEED + 7);
		const breaches: string[] = [];
		fuzzLoop(3_000, (run) => {
			const size = random.pick([0, 1, 2, 3, 4, 16, 256, 1_024, 8_192]);
			const bytes = random.bytes(random.int(size + 1));
			if (random.chance(0.3)) bytes[0] = random.pick([0x7b, 0x5b, 0x22, 0xef]);
			expectOnlyOwnOutcome(bytes, `run ${run} (${bytes.length} bytes)`, breaches);
			expectOnlyOwnOutcome({ [bytes.toString('latin1')]: '' }, `run ${run} as a parsed form`, breaches);
			const custom = bytes.toString(random.pick(['utf8', 'latin1'] as const));
			const fields = outcome(() => parseCustomFields(custom));
			expect(fields).toEqual({ value: expect.any(Object) });
		});
		expect(breaches.slice(0, 5)).toEqual([]);
	});
});
