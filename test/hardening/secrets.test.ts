import { createHash } from 'node:crypto';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { factomosApiTest } from '../../nodes/Factomos/methods/credentialTest';
import { encodeResponse, FactomosEmulator, type FaultType, type ResponseMode } from '../emulator';
import { credentialTestContext, factomosNode, loadOptionsContext, runNode, type TestCredentials } from '../helpers/n8n';
import { closedPort } from '../transport/support';
import { notification } from '../trigger/fixtures';
import { TriggerHarness } from '../trigger/harness';
import { http, process } from '../host';

/**
 * Secret hygiene: every error path runs with distinctive credentials, and neither the secret nor
 * the token (nor their obvious encodings) may appear in what a user, a workflow or a log sees.
 */

const SECRET = 'Zq7!Kp2@Xw9#Lm4$';
const TOKEN = 'tok-dummy-H2xQ9mZr4vLw8sKe1nBy6dTf3gJc7pVa5uXo0iNqYs';
/** Wrong credentials are as distinctive: an error about them must not quote them either. */
const WRONG_SECRET = 'Rv5&Ty8*Ub1^Nc6(';
const WRONG_TOKEN = `${TOKEN}-revoked`;
const TIMEOUT_MS = 1_000;

/** The value and the encodings a careless error or log line could carry it in. */
function derivedForms(name: string, value: string): Array<{ label: string; text: string }> {
	const bytes = Buffer.from(value, 'utf8');
	const forms: Record<string, string> = {
		raw: value,
		encodeURIComponent: encodeURIComponent(value),
		'form-urlencoded': new URLSearchParams({ v: value }).toString().slice(2),
		'JSON-escaped': JSON.stringify(value).slice(1, -1),
		// Unpadded, so a padded or unpadded copy both contain it.
		base64: bytes.toString('base64').replace(/=+$/, ''),
		base64url: bytes.toString('base64url'),
		hex: bytes.toString('hex'),
		'md5 hex (the AES key)': createHash('md5').update(value, 'utf8').digest('hex'),
	};
	return Object.entries(forms).map(([form, text]) => ({ label: `${name} (${form})`, text }));
}

const FORBIDDEN = [
	...derivedForms('secret', SECRET),
	...derivedForms('token', TOKEN),
	...derivedForms('wrong secret', WRONG_SECRET),
	...derivedForms('wrong token', WRONG_TOKEN),
];

/** Every string reachable from `value`: own properties enumerable or not, causes, buffers, map entries; cycles cut. */
function reachableText(value: unknown): string {
	const parts: string[] = [];
	const seen = new WeakSet<object>();
	const visit = (current: unknown, depth: number): void => {
		if (current === null || current === undefined || typeof current === 'function') return;
		if (typeof current !== 'object') {
			parts.push(String(current));
			return;
		}
		if (depth > 30 || seen.has(current)) return;
		seen.add(current);
		if (current instanceof Uint8Array) {
			const bytes = Buffer.from(current.buffer, current.byteOffset, current.byteLength);
			parts.push(bytes.toString('utf8'), bytes.toString('latin1'));
			return;
		}
		if (current instanceof Error) parts.push(String(current));
		if (current instanceof Map || current instanceof Set) {
			for (const entry of current.entries()) visit(entry, depth + 1);
		}
		for (const key of Reflect.ownKeys(current)) {
			parts.push(String(key));
			let child: unknown;
			try {
				child = (current as Record<PropertyKey, unknown>)[key];
			} catch {
				continue;
			}
			visit(child, depth + 1);
		}
	};
	visit(value, 0);
	try {
		// What a logger or n8n's UI would print: JSON escapes quotes and backslashes.
		parts.push(JSON.stringify(value) ?? '');
	} catch {
		// Cyclic: the walk above already covered every part.
	}
	return parts.join('\n');
}

/** The one assertion of this suite: no form of any credential in any of the places given. */
function expectNoCredentials(places: Record<string, unknown>): void {
	const leaks: string[] = [];
	for (const [place, value] of Object.entries(places)) {
		const text = reachableText(value);
		for (const { label, text: form } of FORBIDDEN) if (text.includes(form)) leaks.push(`${label} in ${place}`);
	}
	expect(leaks).toEqual([]);
}

/** The parts of an error the brief names, each checked on its own so a leak says where it is. */
function errorPlaces(error: unknown): Record<string, unknown> {
	if (error === undefined) return {};
	const fields = error as Record<string, unknown>;
	return {
		'error.message': fields.message,
		'error.description': fields.description,
		'error.cause': fields.cause,
		'error.context': fields.context,
		'error.errorResponse': fields.errorResponse,
		'error.stack': fields.stack,
		error,
	};
}

// ---- log capture: console, stdout/stderr, n8n's LoggerProxy and n8n-core's DI logger ----

interface LogEntry {
	channel: string;
	text: string;
}

let captured: LogEntry[] | null = null;

function record(channel: string, ...args: unknown[]): void {
	captured?.push({ channel, text: args.map(reachableText).join(' ') });
}

/** A logger for LoggerProxy and for n8n-core's Container.get(Logger), which also logs at debug level. */
const capturingLogger = {
	error: (message: string, meta?: object) => record('logger.error', message, meta),
	warn: (message: string, meta?: object) => record('logger.warn', message, meta),
	info: (message: string, meta?: object) => record('logger.info', message, meta),
	debug: (message: string, meta?: object) => record('logger.debug', message, meta),
	scoped: () => capturingLogger,
};

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Records everything logged until the returned stop() is called. */
function startCapture(): { entries: LogEntry[]; stop: () => void } {
	const entries: LogEntry[] = [];
	captured = entries;
	const spies = CONSOLE_METHODS.map((method) =>
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => record(`console.${method}`, ...args)),
	);
	const streams = [process.stdout, process.stderr].map((stream) => {
		const write = stream.write;
		const channel = stream === process.stdout ? 'stdout' : 'stderr';
		stream.write = ((chunk: unknown) => {
			record(channel, chunk);
			return true;
		}) as typeof stream.write;
		return () => {
			stream.write = write;
		};
	});
	return {
		entries,
		stop: () => {
			captured = null;
			for (const spy of spies) spy.mockRestore();
			for (const restore of streams) restore();
		},
	};
}

// ---- the test bench: emulator, a misbehaving server, the trigger harness ----

const emu = new FactomosEmulator({ seed: true, token: TOKEN, secret: SECRET });
const harness = new TriggerHarness();
let misbehaving: http.Server;
let misbehavingUrl = '';
/** What the misbehaving server answers to a request body. */
let answer: (requestBody: string) => { status: number; body: string } = () => ({ status: 200, body: '' });
let unreachableUrl = '';

const good = (): TestCredentials => ({ token: TOKEN, secret: SECRET, baseUrl: emu.baseUrl });
const wrongSecret = (): TestCredentials => ({ ...good(), secret: WRONG_SECRET });
const wrongToken = (): TestCredentials => ({ ...good(), token: WRONG_TOKEN });
const misbehavingServer = (): TestCredentials => ({ ...good(), baseUrl: misbehavingUrl });
const unreachable = (): TestCredentials => ({ ...good(), baseUrl: unreachableUrl });

beforeAll(async () => {
	LoggerProxy.init(capturingLogger);
	Container.set(Logger, capturingLogger as unknown as Logger);
	await emu.start();
	await harness.start();
	misbehaving = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const { status, body } = answer(Buffer.concat(chunks).toString('utf8'));
			res.writeHead(status, { 'Content-Type': 'text/html; charset=UTF-8' });
			res.end(body);
		});
	});
	await new Promise<void>((resolve) => misbehaving.listen(0, '127.0.0.1', resolve));
	const address = misbehaving.address();
	misbehavingUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	unreachableUrl = `http://127.0.0.1:${await closedPort()}`;
});

afterAll(async () => {
	await harness.stop();
	await emu.stop();
	misbehaving.closeAllConnections();
	await new Promise<void>((resolve) => misbehaving.close(() => resolve()));
});

beforeEach(() => {
	emu.reset();
	emu.seed();
	emu.setQuota(500);
	emu.setResponseMode('urlencoded');
});

afterEach(() => {
	expect(emu.violations).toEqual([]);
	expect(harness.problems).toEqual([]);
});

// ---- how each kind of path is driven ----

/** What a run left for a user, a workflow or a log to see; `shown` is checked against the case's pattern. */
interface Evidence {
	error?: unknown;
	output?: unknown;
	response?: unknown;
	shown: string;
}

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const GET_CLIENT: INodeParameters = { resource: 'client', operation: 'get', client_id: rl('1001'), options: { timeout: TIMEOUT_MS } };

async function nodeFailure(parameters: INodeParameters, credentials = good()): Promise<Evidence> {
	const error = await runNode(credentials, parameters).then(
		() => undefined,
		(caught: unknown) => caught,
	);
	if (error === undefined) throw new Error('The node was expected to fail');
	const { message, description } = error as { message: string; description?: string };
	return { error, shown: `${message} ${description ?? ''}` };
}

async function nodeOutput(parameters: INodeParameters, items: Array<Record<string, string>>, credentials = good()): Promise<Evidence> {
	const output = await runNode(credentials, parameters, { items, continueOnFail: true });
	expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, index) => ({ item: index })));
	return { output, shown: output.map((item) => String(item.json.error ?? 'ok')).join(' | ') };
}

async function credentialTest(data: Partial<TestCredentials>): Promise<Evidence> {
	const result = await factomosApiTest.call(credentialTestContext(), {
		id: '1',
		name: 'Factomos account',
		type: 'factomosApi',
		data: { ...good(), ...data } as ICredentialDataDecryptedObject,
	});
	expect(result.status).toBe('Error');
	return { output: result, shown: result.message };
}

async function listSearchFailure(credentials: TestCredentials): Promise<Evidence> {
	const error = await factomosNode.methods.listSearch.searchClients.call(loadOptionsContext(credentials)).then(
		() => undefined,
		(caught: unknown) => caught,
	);
	if (error === undefined) throw new Error('The search was expected to fail');
	return { error, shown: (error as Error).message };
}

/** A notification into the trigger with Fetch Full Object on; the fetch fails and says why in fetch_error. */
async function triggerFetch(credentials: TestCredentials, type = 'update_contact', id = '1001'): Promise<Evidence> {
	harness.configure({ parameters: { events: ['*'], options: { fetchFullObject: true } }, credentials });
	const response = await harness.post(notification(type, { id }));
	await harness.settled();
	expect(response.status).toBe(200);
	expect(harness.executions).toHaveLength(1);
	return { output: harness.executions, response, shown: String(harness.executions[0].json.fetch_error) };
}

function fault(type: FaultType, mode: ResponseMode = 'urlencoded'): void {
	emu.setResponseMode(mode);
	emu.setFault({ type, delayMs: type === 'slow' ? TIMEOUT_MS + 500 : undefined });
}

/** A PHP warning page that dumps the secret and the key it derived, as a broken server might. */
const PHP_DUMP = `<br /><b>Warning</b>: mcrypt_decrypt(): key ${createHash('md5').update(SECRET).digest('hex')} iv '${SECRET}' for token ${TOKEN} in <b>/var/www/api/api.php</b>`;

function misbehave(status: number, body: (requestBody: string) => string): void {
	answer = (requestBody) => ({ status, body: body(requestBody) });
}

// ---- the table: every error path, listed once ----

interface Case {
	name: string;
	/** What the user must be told: proves the path really ran. */
	shows: RegExp;
	run: () => Promise<Evidence>;
}

const BODY_FAULTS: FaultType[] = ['truncated', 'wrongSecret', 'invalidJson', 'quota'];
/** A Record, so a fault mode added to the emulator without a case here fails the type check. */
const FAULT_MESSAGES: Record<FaultType, RegExp> = {
	timeout: /did not answer within 1000 ms/,
	reset: /connection to Factomos was reset/,
	http500: /HTTP 500/,
	http502: /HTTP 502/,
	empty: /empty response/,
	truncated: /damaged encrypted response|incomplete encrypted response|incomplete JSON/,
	wrongSecret: /could not be decrypted/,
	invalidJson: /incomplete encrypted response|incomplete JSON/,
	quota: /Factomos error -4 /,
	slow: /did not answer within 1000 ms/,
};

const faultCases: Case[] = (Object.keys(FAULT_MESSAGES) as FaultType[]).flatMap((type) =>
	(BODY_FAULTS.includes(type) ? (['urlencoded', 'base64', 'plain'] as ResponseMode[]) : (['urlencoded'] as ResponseMode[])).map((mode) => ({
		name: `transport fault ${type} (${mode} responses)`,
		shows: FAULT_MESSAGES[type],
		run: async () => {
			fault(type, mode);
			return await nodeFailure(GET_CLIENT);
		},
	})),
);

const CASES: Case[] = [
	// Documented API errors, through the node.
	{ name: 'API error -9 (Get Client, unknown ID)', shows: /Factomos error -9 on getClient/, run: () => nodeFailure({ ...GET_CLIENT, client_id: rl('424242') }) },
	{
		name: 'API error -14 (Create Invoice, unknown service)',
		shows: /Factomos error -14 on createInvoice/,
		run: () =>
			nodeFailure({ resource: 'invoice', operation: 'create', client_id: rl('1001'), linesInputMode: 'json', linesJson: '[{"serviceId":"2999","quantity":1}]' }),
	},
	{ name: 'API error -20 (Get Invoice, unknown ID)', shows: /Factomos error -20 on getInvoice/, run: () => nodeFailure({ resource: 'invoice', operation: 'get', invoice_id: '424242' }) },
	{ name: 'API error -24 (Get Expense, unknown ID)', shows: /Factomos error -24 on getExpense/, run: () => nodeFailure({ resource: 'expense', operation: 'get', expense_id: '424242' }) },
	{ name: 'API error -3 (wrong token)', shows: /Factomos error -3 .*Check the Token/s, run: () => nodeFailure(GET_CLIENT, wrongToken()) },
	{ name: 'API error -5 (wrong secret)', shows: /could not be decrypted.*Secret in the Factomos credential is probably wrong/s, run: () => nodeFailure(GET_CLIENT, wrongSecret()) },
	{
		name: 'API error -4 (quota exhausted)',
		shows: /Factomos error -4 .*500 API calls a day/s,
		run: async () => {
			emu.setQuota(0);
			return await nodeFailure(GET_CLIENT);
		},
	},
	{ name: 'session error -32 (unknown auth token)', shows: /-32/, run: () => nodeFailure({ resource: 'session', operation: 'create', auth_token: 'not-a-real-auth-token' }) },

	// Every fault mode of the emulator, through the node.
	...faultCases,
	{ name: 'unreachable host', shows: /Could not connect to Factomos/, run: () => nodeFailure(GET_CLIENT, unreachable()) },
	{ name: 'invalid Base URL', shows: /Base URL .* is not a valid URL/, run: () => nodeFailure(GET_CLIENT, { ...good(), baseUrl: 'not a url' }) },
	{ name: 'empty secret', shows: /The Secret of the Factomos credential is empty/, run: () => nodeFailure(GET_CLIENT, { ...good(), secret: '' }) },

	// Decode failures on bodies that quote the credentials, from a misbehaving server.
	{
		name: 'a 200 text body echoing the request (token included)',
		shows: /unexpected response.*Received: "Debug: received token=\*\*\*&crequest=/s,
		run: async () => {
			misbehave(200, (request) => `Debug: received ${request}`);
			return await nodeFailure(GET_CLIENT, misbehavingServer());
		},
	},
	{
		name: 'an HTTP 500 page echoing the request',
		shows: /HTTP 500.*<pre>token=\*\*\*&crequest=/s,
		run: async () => {
			misbehave(500, (request) => `<html><body><h1>Error</h1><pre>${request}</pre></body></html>`);
			return await nodeFailure(GET_CLIENT, misbehavingServer());
		},
	},
	{
		name: 'a JSON API error whose message quotes the token',
		shows: /^Factomos error -3 on getClient: Token \*\*\* does not exist/,
		run: async () => {
			misbehave(200, () => JSON.stringify({ error: { code: -3, message: `Token ${TOKEN} does not exist` } }));
			return await nodeFailure(GET_CLIENT, misbehavingServer());
		},
	},
	{
		name: 'a PHP warning page dumping the secret and its md5 key (HTTP 200 and 500)',
		shows: /unexpected response.*key \*\*\* iv '\*\*\*' for token \*\*\* .* \/ .*HTTP 500.*key \*\*\* iv '\*\*\*'/s,
		run: async () => {
			misbehave(200, () => PHP_DUMP);
			const ok = await nodeFailure(GET_CLIENT, misbehavingServer());
			misbehave(500, () => PHP_DUMP);
			const failed = await nodeFailure(GET_CLIENT, misbehavingServer());
			return { error: [ok.error, failed.error], shown: `${ok.shown} / ${failed.shown}` };
		},
	},
	{
		name: 'an encrypted answer that decrypts to a text quoting the credentials',
		shows: /incomplete encrypted response.*Decrypted: "Fatal error: .*key \*\*\* iv '\*\*\*'/s,
		run: async () => {
			misbehave(200, () => encodeResponse(SECRET, `Fatal error: ${PHP_DUMP}`, 'urlencoded'));
			return await nodeFailure(GET_CLIENT, misbehavingServer());
		},
	},

	// Input the node rejects before any call.
	{
		name: 'validation: blank company name',
		shows: /Company Name is required/,
		run: () => nodeFailure({ resource: 'client', operation: 'create', category: 'client', client_company_name: ' \t ' }),
	},
	{
		name: 'validation: invalid email',
		shows: /^Email is invalid/,
		run: () =>
			nodeFailure({ resource: 'client', operation: 'create', category: 'client', client_company_name: 'Acme', additionalFields: { client_email: 'not-an-email' } }),
	},
	{
		name: 'validation: invalid date',
		shows: /Invoice Date is invalid/,
		run: () =>
			nodeFailure({
				resource: 'invoice',
				operation: 'create',
				client_id: rl('1001'),
				linesInputMode: 'json',
				linesJson: '[{"serviceId":"2001","quantity":1}]',
				additionalFields: { invoice_date: '31/01/2026' },
			}),
	},
	{
		name: 'validation: lines that are not JSON',
		shows: /Lines \(JSON\) is not valid JSON/,
		run: () => nodeFailure({ resource: 'invoice', operation: 'create', client_id: rl('1001'), linesInputMode: 'json', linesJson: '[{' }),
	},
	{ name: 'validation: non-numeric ID', shows: /Client is invalid/, run: () => nodeFailure({ ...GET_CLIENT, client_id: rl('abc') }) },

	// The credential test, with n8n-core's real CredentialTestContext.
	{ name: 'credential test: wrong token', shows: /-3.*Check the Token/s, run: () => credentialTest({ token: WRONG_TOKEN }) },
	{ name: 'credential test: wrong secret', shows: /could not be decrypted.*Secret/s, run: () => credentialTest({ secret: WRONG_SECRET }) },
	{ name: 'credential test: unreachable host', shows: /Could not connect/, run: () => credentialTest({ baseUrl: unreachableUrl }) },
	{ name: 'credential test: invalid Base URL', shows: /not a valid URL/, run: () => credentialTest({ baseUrl: 'ftp:/nowhere' }) },
	{ name: 'credential test: empty secret', shows: /^The Secret of the Factomos credential is empty\. Fill in the Secret/, run: () => credentialTest({ secret: '' }) },
	{
		name: 'credential test: HTTP 500 page',
		shows: /HTTP 500/,
		run: async () => {
			fault('http500');
			return await credentialTest({});
		},
	},
	{
		name: 'credential test: truncated body',
		shows: /damaged encrypted response|incomplete encrypted response/,
		run: async () => {
			fault('truncated');
			return await credentialTest({});
		},
	},
	{
		name: 'credential test: error page echoing the request',
		shows: /HTTP 500.*<pre>token=\*\*\*&crequest=/s,
		run: async () => {
			misbehave(500, (request) => `<pre>${request}\n${PHP_DUMP}</pre>`);
			return await credentialTest({ baseUrl: misbehavingUrl });
		},
	},

	// continueOnFail: failures become output items.
	{
		name: 'continueOnFail with a fault, an API error, an input error and a success',
		shows: /^[^|]*HTTP 500[^|]* \| Factomos error -9 on getClient[^|]* \| Client is invalid[^|]* \| ok$/,
		run: async () => {
			emu.setFault({ type: 'http500', times: 1 });
			return await nodeOutput({ ...GET_CLIENT, client_id: rl('={{ $json.id }}') }, [{ id: '1001' }, { id: '424242' }, { id: 'abc' }, { id: '1002' }]);
		},
	},
	{
		name: 'continueOnFail with the wrong secret',
		shows: /^Factomos' response could not be decrypted \| Factomos' response could not be decrypted$/,
		run: () => nodeOutput(GET_CLIENT, [{}, {}], wrongSecret()),
	},

	// List search (loadOptions context).
	{ name: 'list search: wrong secret', shows: /could not be decrypted/, run: () => listSearchFailure(wrongSecret()) },
	{
		name: 'list search: truncated body',
		shows: /damaged encrypted response|incomplete encrypted response/,
		run: async () => {
			fault('truncated');
			return await listSearchFailure(good());
		},
	},

	// The trigger's Fetch Full Object failures land in the item's fetch_error.
	{ name: 'trigger fetch: API error -9', shows: /Factomos error -9 on getClient/, run: () => triggerFetch(good(), 'update_contact', '424242') },
	{ name: 'trigger fetch: wrong secret', shows: /could not be decrypted/, run: () => triggerFetch(wrongSecret()) },
	{ name: 'trigger fetch: wrong token', shows: /Factomos error -3 /, run: () => triggerFetch(wrongToken()) },
	{
		name: 'trigger fetch: HTTP 502',
		shows: /HTTP 502/,
		run: async () => {
			fault('http502');
			return await triggerFetch(good());
		},
	},
	{ name: 'trigger fetch: unreachable host', shows: /Could not connect/, run: () => triggerFetch(unreachable()) },
	{
		name: 'trigger fetch: a JSON error quoting the token',
		shows: /^Factomos error -3 on getClient: Token \*\*\* does not exist$/,
		run: async () => {
			misbehave(200, () => JSON.stringify({ error: { code: -3, message: `Token ${TOKEN} does not exist` } }));
			return await triggerFetch(misbehavingServer());
		},
	},
];

/** Logs `tag` on every channel the capture hooks. */
function emitCanaries(tag: string): void {
	// eslint-disable-next-line no-console -- the canary must go through console itself to prove the spies still hook it
	for (const method of ['log', 'error'] as const) console[method](`canary ${tag}`);
	process.stdout.write(`canary ${tag}\n`);
	process.stderr.write(`canary ${tag}\n`);
	LoggerProxy.info(`canary ${tag}`);
	Container.get(Logger).debug('canary', { tag });
}

/** Every channel recorded the canary: the capture was still in place (n8n-core did not replace the logger). */
function expectCanaries(entries: LogEntry[], tag: string): void {
	const channels = ['console.log', 'console.error', 'stdout', 'stderr', 'logger.info', 'logger.debug'];
	expect(channels.filter((channel) => !entries.some((entry) => entry.channel === channel && entry.text.includes(tag)))).toEqual([]);
}

describe('hardening => secret hygiene', () => {
	it('should capture every log channel and catch every form of a leak (canary)', () => {
		const stdoutWrite = process.stdout.write;
		const capture = startCapture();
		try {
			emitCanaries('self-test');
		} finally {
			capture.stop();
		}
		expectCanaries(capture.entries, 'self-test');
		expect(process.stdout.write).toBe(stdoutWrite);
		// eslint-disable-next-line no-console -- checks that stop() gave console.log itself back
		expect(jest.isMockFunction(console.log)).toBe(false);

		// A leak buried in a non-enumerable cause, or logged in an encoded form, is still found.
		const deep = new Error('outer', { cause: new Error('inner') });
		Object.defineProperty(deep.cause as object, 'hidden', { value: { key: createHash('md5').update(SECRET).digest('hex') }, enumerable: false });
		expect(() => expectNoCredentials({ error: deep })).toThrow();
		expect(() => expectNoCredentials({ logs: [{ channel: 'stdout', text: Buffer.from(TOKEN).toString('base64') }] })).toThrow();
		expect(() => expectNoCredentials({ output: [{ json: { note: encodeURIComponent(WRONG_SECRET) } }] })).toThrow();
		expect(() => expectNoCredentials({ clean: 'nothing to see' })).not.toThrow();
	});

	it.each(CASES.map((entry) => [entry.name, entry] as const))('should keep the credentials out of: %s', async (_name, entry) => {
		const capture = startCapture();
		let evidence: Evidence;
		try {
			evidence = await entry.run();
			emitCanaries(entry.name);
		} finally {
			capture.stop();
		}
		expectCanaries(capture.entries, entry.name);
		expect(evidence.shown).toMatch(entry.shows);
		expectNoCredentials({
			...errorPlaces(evidence.error),
			output: evidence.output,
			response: evidence.response,
			logs: capture.entries,
		});
	});
});
