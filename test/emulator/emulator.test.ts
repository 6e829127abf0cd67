import { createCipheriv, createHash } from 'node:crypto';
import { FormParams, decrypt, encrypt } from '../../nodes/Factomos/transport/codec';
import { loadGoldenVectors } from '../codec/support';
import { decodeBody, type FactomosAnswer, wireCall } from '../helpers/wire';
import { decryptBytes, encodeResponse, encryptToBase64, isPrintableAscii } from './crypto';
import { FAULT_RESPONSE_CODE, FactomosEmulator, FaultType, NOTIFICATION_TYPES, UNDOCUMENTED_CODE } from './index';
import { parseStr, parseStrDetailed, phpJsonEncode, phpUrldecode, phpUrlencode } from './php';
import { childProcess, http, net, path, process, REPO_ROOT, setTimeout, spawn } from '../host';

const OK = { code: 0, message: 'OK' };
/** One service line on the seeded "Développement Web" service (2001). */
const LINE = { line_service_id: ['2001'], line_description: [''], line_quantity: ['1'], line_price: [''] };

let emu: FactomosEmulator;
let base: string;

beforeAll(async () => {
	emu = new FactomosEmulator();
	base = await emu.start();
});

afterAll(() => emu.stop());

beforeEach(() => {
	emu.reset();
	emu.seed();
});

function call(params: FormParams | string, options?: Parameters<typeof wireCall>[4]) {
	return wireCall(base, emu.token, emu.secret, params, options);
}

async function expectOk(params: FormParams): Promise<FactomosAnswer> {
	const { json } = await call(params);
	expect(json?.error).toEqual(OK);
	return json!;
}

async function expectError(params: FormParams, code: number, message?: string): Promise<FactomosAnswer> {
	const { json } = await call(params);
	expect(json?.error?.code).toBe(code);
	if (message !== undefined) expect(json!.error.message).toBe(message);
	return json!;
}

function post(path: string, body: string, headers: Record<string, string> = {}, method = 'POST') {
	return fetch(`${base}${path}`, {
		method,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: method === 'GET' ? undefined : body,
	});
}

interface Received {
	headers: http.IncomingHttpHeaders;
	body: string;
}

async function startReceiver(delayMs = 0): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
	const received: Received[] = [];
	const server: http.Server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			setTimeout(() => res.end('ok'), delayMs);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

describe('emulator => parse_str', () => {
	it('should decode + as a space and %2B as a plus sign', () => {
		expect(parseStr('a=1+2&b=1%2B2&c=%20')).toEqual({ a: '1 2', b: '1+2', c: ' ' });
	});

	it('should keep %26 and %3D inside values and split a pair at its first =', () => {
		expect(parseStr('q=a%26b%3Dc&x=a=b&k%3Dy=1')).toEqual({ q: 'a&b=c', x: 'a=b', 'k=y': '1' });
	});

	it('should read percent-encoded UTF-8 bytes as accented characters', () => {
		expect(parseStr('name=Caf%C3%A9+Cr%C3%A8me&emoji=%F0%9F%8E%89')).toEqual({ name: 'Café Crème', emoji: '🎉' });
	});

	it('should build arrays from name[] and objects from name[key]', () => {
		expect(parseStr('l[]=1&l[]=75&m[a]=x&m[b]=y&n[a][]=1&n[a][]=2&i[0]=p&i[1]=q')).toEqual({
			l: ['1', '75'],
			m: { a: 'x', b: 'y' },
			n: { a: ['1', '2'] },
			i: ['p', 'q'],
		});
	});

	it('should leave malformed percent sequences as they are', () => {
		expect(parseStr('a=100%&b=%zz&c=%4&d=%%41')).toEqual({ a: '100%', b: '%zz', c: '%4', d: '%A' });
		expect(phpUrldecode('%G1%41+').toString()).toBe('%G1A ');
	});

	it('should mangle dots, spaces and an unterminated bracket in top-level names like PHP 8', () => {
		expect(parseStr('a.b=1&c+d=2&e[f=3&g[h]x=4&%20lead=5')).toEqual({ a_b: '1', c_d: '2', e_f: '3', g: { h: '4' }, lead: '5' });
	});

	it('should treat a pair without = as an empty value and skip empty pairs', () => {
		expect(parseStr('a&&b=&c=3')).toEqual({ a: '', b: '', c: '3' });
	});

	it('should let a later occurrence of a scalar win', () => {
		expect(parseStr('a=1&a=2')).toEqual({ a: '2' });
	});

	it('should drop variables beyond max_input_vars (1000) like PHP', () => {
		const input = Array.from({ length: 1002 }, (_, i) => `v${i}=${i}`).join('&');
		const { params, droppedVars } = parseStrDetailed(input);
		expect(Object.keys(params)).toHaveLength(1000);
		expect(droppedVars).toBe(2);
	});

	it('should urlencode like PHP (base64 alphabet and spaces)', () => {
		expect(phpUrlencode('ab+/=c d-_.~é')).toBe('ab%2B%2F%3Dc+d-_.%7E%C3%A9');
	});

	it('should json_encode like PHP (escaped slashes and unicode)', () => {
		expect(phpJsonEncode({ a: '19/07/15', b: 'Décors' })).toBe('{"a":"19\\/07\\/15","b":"D\\u00e9cors"}');
	});
});

describe('emulator => cipher', () => {
	// The first golden vector (secret 0123456789abcdef), which PHP's factomos_encode wrote; the first
	// test computes it again with node:crypto: aes-256-cfb8, key = ascii md5 hex of the secret, IV = the secret.
	const { secret: SECRET, plaintext: PLAINTEXT, base64: VECTOR } = loadGoldenVectors()[0];

	it('should match the known vector computed with node:crypto', () => {
		const key = Buffer.from(createHash('md5').update(SECRET).digest('hex'), 'ascii');
		const cipher = createCipheriv('aes-256-cfb8', key, Buffer.from(SECRET));
		expect(Buffer.concat([cipher.update(PLAINTEXT), cipher.final()]).toString('base64')).toBe(VECTOR);
		expect(encryptToBase64(SECRET, PLAINTEXT)).toBe(VECTOR);
		expect(decryptBytes(SECRET, Buffer.from(VECTOR, 'base64')).toString()).toBe(PLAINTEXT);
	});

	it('should agree with the project codec in both directions', () => {
		expect(encrypt(SECRET, PLAINTEXT)).toBe(VECTOR);
		expect(decrypt(SECRET, VECTOR)).toBe(PLAINTEXT);
		expect(decrypt(SECRET, phpUrlencode(VECTOR))).toBe(PLAINTEXT);
		expect(decrypt(SECRET, encrypt(SECRET, 'objet=Café'))).toBe('objet=Café');
	});

	it('should use a zero IV when the secret is not 16 bytes long', () => {
		const secret = 'short';
		const key = Buffer.from(createHash('md5').update(secret).digest('hex'), 'ascii');
		const cipher = createCipheriv('aes-256-cfb8', key, Buffer.alloc(16));
		const expected = Buffer.concat([cipher.update('action=listClient'), cipher.final()]).toString('base64');
		expect(encryptToBase64(secret, 'action=listClient')).toBe(expected);
		expect(encrypt(secret, 'action=listClient')).toBe(expected);
	});

	it('should accept the known vector as a request and answer under the same secret', async () => {
		const other = new FactomosEmulator({ secret: SECRET });
		const url = await other.start();
		try {
			const result = await wireCall(url, other.token, SECRET, undefined, { crequest: VECTOR });
			expect(result.json!.error).toEqual({ code: -9, message: 'Client not found' });
			expect(other.calls[0]).toMatchObject({ action: 'getClient', plaintext: PLAINTEXT, params: { action: 'getClient', client_id: '766' } });
		} finally {
			await other.stop();
		}
	});

	it('should decode a PHP-style createInvoice plaintext with escaped &, =, +, % and newlines', async () => {
		const plaintext =
			'action=createInvoice&client_id=1001&objet=Facture+abonnement+%26+maintenance+%28T2%29&invoice_comment=Merci.%0AR%C3%A8glement+%C3%A0+30+jours.' +
			'&line_service_id[]=2001&line_description[]=Options+100%25+incluses&line_quantity[]=2&line_price[]=9.5' +
			'&line_service_id[]=75&line_description[]=a%3Db&line_quantity[]=1&line_price[]=';
		const { json } = await call(plaintext);
		expect(json!.error).toEqual(OK);
		expect(emu.calls[0].params).toEqual({
			action: 'createInvoice',
			client_id: '1001',
			objet: 'Facture abonnement & maintenance (T2)',
			invoice_comment: 'Merci.\nRèglement à 30 jours.',
			line_service_id: ['2001', '75'],
			line_description: ['Options 100% incluses', 'a=b'],
			line_quantity: ['2', '1'],
			line_price: ['9.5', ''],
		});
		const invoice = emu.store.invoices.get(json!.invoice_id)!;
		expect(invoice.comment).toBe('Merci.\nRèglement à 30 jours.');
		expect(emu.violations).toEqual([]);
	});

	it('should flag non-printable plaintext as a wrong secret', () => {
		expect(isPrintableAscii(Buffer.from('action=listClient'))).toBe(true);
		expect(isPrintableAscii(Buffer.from('objet=Café'))).toBe(false);
		expect(isPrintableAscii(Buffer.from('a\nb'))).toBe(false);
	});
});

describe('emulator => generic errors', () => {
	it('should answer -1 in plain JSON when the token is missing', async () => {
		const result = await wireCall(base, undefined, emu.secret, { action: 'listClient' });
		expect(result.status).toBe(200);
		expect(result.body).toBe('{"error":{"code":-1,"message":"Missing Token"}}');
		expect(emu.calls[0].responseCode).toBe(-1);
		expect(emu.calls[0].token).toBeUndefined();
	});

	it('should answer -2 (encrypted) when crequest is missing', async () => {
		const result = await wireCall(base, emu.token, emu.secret, undefined);
		expect(result.body.startsWith('{')).toBe(false);
		expect(result.json!.error).toEqual({ code: -2, message: 'Missing Crypted Request' });
	});

	it('should answer -3 in plain JSON when the token is unknown', async () => {
		const result = await wireCall(base, 'nope', emu.secret, { action: 'listClient' });
		expect(result.body).toBe('{"error":{"code":-3,"message":"Invalid Token"}}');
	});

	it('should answer -4 once the daily quota is used, until it is reset', async () => {
		emu.setQuota(2);
		await expectOk({ action: 'listService' });
		await expectOk({ action: 'listService' });
		await expectError({ action: 'listService' }, -4, 'Too many API calls for the day');
		emu.resetQuota();
		await expectOk({ action: 'listService' });
	});

	it('should count the quota per token', async () => {
		emu.setQuota(1);
		await expectOk({ action: 'listService' });
		const other = await wireCall(base, emu.appOnlyToken, emu.secret, { action: 'createAccount', username: 'q@example.test' });
		expect(other.json!.error).toEqual(OK);
	});

	it('should answer -5 for a crequest that is not base64', async () => {
		const result = await wireCall(base, emu.token, emu.secret, undefined, { crequest: 'not base64!' });
		expect(result.json!.error).toEqual({ code: -5, message: 'Invalid Crypted Request' });
	});

	it('should answer -5 when the request was encrypted with another secret', async () => {
		const result = await wireCall(base, emu.token, emu.secret, undefined, { crequest: encrypt('another-secret!!', 'action=listClient') });
		expect(result.json!.error.code).toBe(-5);
		expect(emu.violations).toEqual([]);
	});

	it('should answer -5 and record a violation when crequest is double-encoded', async () => {
		const result = await call({ action: 'listClient' }, { encodeOnce: false });
		expect(result.json!.error.code).toBe(-5);
		expect(emu.violations.join('\n')).toMatch(/crequest is not base64/);
	});

	it('should answer -6 when the action is missing or unknown', async () => {
		await expectError({ client_id: '1' }, -6, 'Action not found or invalid');
		await expectError({ action: 'getclient' }, -6);
		await expectError({ action: ['listClient'] }, -6);
	});

	it('should ignore a body that is not form-encoded and record a violation', async () => {
		const result = await wireCall(base, emu.token, emu.secret, { action: 'listClient' }, { contentType: 'application/json' });
		expect(result.json!.error.code).toBe(-1);
		expect(emu.violations[0]).toMatch(/Content-Type must be application\/x-www-form-urlencoded/);
	});

	it('should record a violation for GET requests and clear-text fields', async () => {
		await wireCall(base, emu.token, emu.secret, undefined, { method: 'GET' });
		await wireCall(base, emu.token, emu.secret, undefined, { rawBody: `token=${emu.token}&action=listClient` });
		expect(emu.violations).toEqual([expect.stringMatching(/must be called with POST, got GET/), expect.stringMatching(/unexpected clear-text body field "action"/)]);
	});

	it('should record every API call with its action, params, plaintext, token and code', async () => {
		await call({ action: 'getClient', client_id: '1002' });
		expect(emu.calls).toEqual([
			{
				action: 'getClient',
				params: { action: 'getClient', client_id: '1002' },
				plaintext: 'action=getClient&client_id=1002',
				token: emu.token,
				responseCode: 0,
				at: expect.any(Number),
			},
		]);
		expect(emu.requests[0]).toMatchObject({ method: 'POST', path: '/api/api.php', body: expect.stringMatching(/^token=demo-token&crequest=/) });
	});
});

describe('emulator => response modes', () => {
	it('should answer PHP-urlencoded base64 by default', async () => {
		const result = await call({ action: 'getClient', client_id: '1002' });
		expect(result.body).toMatch(/^[A-Za-z0-9%]+$/);
		expect(result.body).toMatch(/%2B|%2F|%3D/);
		expect(result.json!.client.client_company_name).toBe('Café Crème SARL');
		expect(result.headers.get('content-type')).toMatch(/^text\/html/);
	});

	it('should answer raw base64 in base64 mode', async () => {
		emu.setResponseMode('base64');
		const result = await call({ action: 'getClient', client_id: '1002' });
		expect(result.body).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
		expect(JSON.parse(decrypt(emu.secret, result.body)).client.client_id).toBe('1002');
	});

	it('should answer clear PHP json_encode output in plain mode', async () => {
		emu.setResponseMode('plain');
		const result = await call({ action: 'getClient', client_id: '1002' });
		expect(result.body).toContain('"client_company_name":"Caf\\u00e9 Cr\\u00e8me SARL"');
		expect(result.json!.client.client_company_name).toBe('Café Crème SARL');
	});

	it('should take the mode from the constructor options', async () => {
		const other = new FactomosEmulator({ responseMode: 'plain' });
		const url = await other.start();
		try {
			const result = await wireCall(url, other.token, other.secret, { action: 'listService' });
			expect(result.body).toBe('{"services":[],"error":{"code":0,"message":"OK"}}');
		} finally {
			await other.stop();
		}
	});
});

describe('emulator => documented error codes', () => {
	const lines = { ...LINE };
	const cases: [string, FormParams, number, string][] = [
		['createAccount', {}, -29, 'Missing parameter username'],
		['createAccount', { username: 'CONTACT@factomos.com' }, -30, 'Username not available'],
		['deleteAccount', {}, -35, 'Missing parameter company_id'],
		['deleteAccount', { company_id: '424242' }, -36, 'Account not found'],
		['updateAccount', { subscription_status: 'active' }, -35, 'Missing parameter company_id'],
		['updateAccount', { company_id: '550' }, -37, 'Missing parameter subscription_status'],
		['updateAccount', { company_id: '550', subscription_status: 'paused' }, -38, 'Parameter subscription_status invalid'],
		['updateAccount', { company_id: '424242', subscription_status: 'active' }, -36, 'Account not found'],
		['getClient', {}, -8, 'Missing parameter client_id'],
		['getClient', { client_id: '999' }, -9, 'Client not found'],
		['createClient', { client_company_name: 'X' }, -11, 'Missing parameter category'],
		['createClient', { category: 'client' }, -12, 'Missing parameter client_company_name'],
		['editClient', {}, -8, 'Missing parameter client_id'],
		['editClient', { client_id: '999' }, -9, 'Client not found'],
		['getService', {}, -13, 'Missing parameter service_id'],
		['getService', { service_id: '1001' }, -14, 'Service not found'],
		['createService', { price: '1' }, -15, 'Missing parameter service_name'],
		['createService', { service_name: 'X' }, -16, 'Missing parameter price'],
		[
			'createService',
			{ service_name: 'X', price: '1', category: 'my category' },
			-27,
			'The category of the service must be one of the following (services, produits)',
		],
		['createInvoice', { ...lines }, -9, 'Missing parameter client_id'],
		['createInvoice', { client_id: '999', ...lines }, -10, 'Client not found'],
		['createInvoice', { client_id: '1001', line_service_id: ['2001', '4242'], line_quantity: ['1', '1'] }, -14, 'Service not found'],
		['getInvoice', {}, -17, 'Missing parameter invoice_id'],
		['getInvoice', { invoice_id: '999' }, -20, 'Invoice not found'],
		['listInvoice', {}, -39, 'Missing parameter invoice_status'],
		['listInvoice', { invoice_status: 'overdue' }, -40, 'Invalid parameter invoice_status'],
		['listInvoice', { invoice_status: 'pending', page_index: 'abc' }, -41, 'Invalid parameter page_index'],
		['listInvoice', { invoice_status: 'pending', page_index: '-1' }, -41, 'Invalid parameter page_index'],
		['listInvoice', { invoice_status: 'pending', page_index: '2' }, -41, 'Invalid parameter page_index'],
		['editInvoice', { client_id: '1001', ...lines }, -17, 'Missing parameter invoice_id'],
		['editInvoice', { invoice_id: '5001', ...lines }, -9, 'Missing parameter client_id'],
		['editInvoice', { invoice_id: '999', client_id: '1001', ...lines }, -20, 'Invoice not found'],
		['editInvoice', { invoice_id: '5001', client_id: '999', ...lines }, -10, 'Client not found'],
		['editInvoice', { invoice_id: '5001', client_id: '1001', line_service_id: ['4242'], line_quantity: ['1'] }, -14, 'Service not found'],
		['sendInvoice', {}, -17, 'Missing parameter invoice_id'],
		['sendInvoice', { invoice_id: '999' }, -20, 'Invoice not found'],
		['getInvoiceMailHistory', {}, -17, 'Missing parameter invoice_id'],
		['getInvoiceMailHistory', { invoice_id: '999' }, -20, 'Invoice not found'],
		['createPayment', { montant: '1', type: 'cb' }, -17, 'Missing parameter invoice_id'],
		['createPayment', { invoice_id: '999', montant: '1', type: 'cb' }, -20, 'Invoice not found'],
		['editPayment', { montant: '1' }, -17, 'Missing parameter invoice_id'],
		['editPayment', { invoice_id: '999', montant: '1' }, -20, 'Invoice not found'],
		['deleteAllPayments', {}, -17, 'Missing parameter invoice_id'],
		['deleteAllPayments', { invoice_id: '999' }, -20, 'Invoice not found'],
		['createExpense', { payment_type: 'cb', supplier_id: '1003' }, -18, 'Missing parameter amount'],
		['createExpense', { amount: '1', supplier_id: '1003' }, -19, 'Missing parameter payment_type'],
		['createExpense', { amount: '1', payment_type: 'cb' }, -21, 'Missing parameter supplier_id'],
		['editExpense', { amount: '1', payment_type: 'cb', supplier_id: '1003' }, -23, 'Missing parameter expense_id'],
		['editExpense', { expense_id: '999', amount: '1', payment_type: 'cb', supplier_id: '1003' }, -24, 'Expense not found'],
		['editExpense', { expense_id: '9001', payment_type: 'cb', supplier_id: '1003' }, -18, 'Missing parameter amount'],
		['editExpense', { expense_id: '9001', amount: '1', supplier_id: '1003' }, -19, 'Missing parameter payment_type'],
		['editExpense', { expense_id: '9001', amount: '1', payment_type: 'cb' }, -21, 'Missing parameter supplier_id'],
		['getExpense', {}, -23, 'Missing parameter expense_id'],
		['getExpense', { expense_id: '999' }, -24, 'Expense not found'],
		['getEstimate', {}, -25, 'Missing parameter estimate_id'],
		['getEstimate', { estimate_id: '999' }, -26, 'Estimate not found'],
		['createEstimate', { ...lines }, -9, 'Missing parameter client_id'],
		['createEstimate', { client_id: '999', ...lines }, -10, 'Client not found'],
		['createEstimate', { client_id: '1001', line_service_id: ['75', '4242'], line_quantity: ['1', '1'] }, -14, 'Service not found'],
		['transformEstimate', {}, -25, 'Missing parameter estimate_id'],
		['transformEstimate', { estimate_id: '999' }, -26, 'Estimate not found'],
		['createCreditNote', {}, -17, 'Missing parameter invoice_id'],
		['createCreditNote', { invoice_id: '999' }, -20, 'Invoice not found'],
	];

	it.each(cases)('should answer %s %j with %i', async (action, params, code, message) => {
		const before = { invoices: emu.store.invoices.size, clients: emu.store.clients.size, estimates: emu.store.estimates.size };
		const { json } = await call({ action, ...params });
		expect(json).toEqual({ error: { code, message } });
		expect({ invoices: emu.store.invoices.size, clients: emu.store.clients.size, estimates: emu.store.estimates.size }).toEqual(before);
		expect(emu.violations).toEqual([]);
	});

	it('should answer -33 to deleteAccount/updateAccount for a non-partner token', async () => {
		const other = new FactomosEmulator({ partner: false });
		const url = await other.start();
		try {
			for (const params of [
				{ action: 'deleteAccount', company_id: '550' },
				{ action: 'updateAccount', company_id: '550', subscription_status: 'blocked' },
			]) {
				const { json } = await wireCall(url, other.token, other.secret, params);
				expect(json).toEqual({ error: { code: -33, message: 'Action not authorized' } });
			}
			expect(other.store.accounts.get('550')?.subscription_status).toBe('active');
		} finally {
			await other.stop();
		}
	});

	it('should answer -28 to getConnectionToken for an application-only token', async () => {
		const { json } = await wireCall(base, emu.appOnlyToken, emu.secret, { action: 'getConnectionToken', mode: 'normal' });
		expect(json).toEqual({ error: { code: -28, message: 'Your Token is not associated with a Factomos account' } });
	});

	it('should answer -21 to editPayment without payment_id when the invoice has several payments', async () => {
		await expectOk({ action: 'createPayment', invoice_id: '5004', montant: '100', type: 'cb' });
		await expectError({ action: 'editPayment', invoice_id: '5004', montant: '5' }, -21, 'Several payments for this invoice, you have to add the parameter payment_id');
	});
});

describe('emulator => accounts', () => {
	it('should create an account and generate a password when none is given', async () => {
		const json = await expectOk({ action: 'createAccount', username: 'new@example.test', name: 'World Company', company_type: 'S.A.R.L.' });
		expect(Object.keys(json)).toEqual(['company_id', 'password', 'auth_token', 'error']);
		expect(emu.store.accounts.get(json.company_id)).toMatchObject({ username: 'new@example.test', password: json.password });
		expect(emu.store.accounts.get(json.company_id)?.profile).toMatchObject({ name: 'World Company', company_email: 'new@example.test' });
	});

	it('should not return the password when one is given', async () => {
		const json = await expectOk({ action: 'createAccount', username: 'pw@example.test', password: 's3cret' });
		expect(json).not.toHaveProperty('password');
		expect(emu.store.accounts.get(json.company_id)?.password).toBe('s3cret');
	});

	it('should issue a working token/secret pair with its own webhook when app_name is given', async () => {
		const receiver = await startReceiver();
		try {
			const json = await expectOk({
				action: 'createAccount',
				username: 'app@example.test',
				app_name: 'My Application',
				app_description: 'CRM',
				app_icon: 'http://myapplication.test/icon.png',
				webhook_url: receiver.url,
			});
			expect(json.api_secret).toMatch(/^[A-Za-z0-9]{16}$/);
			const listed = await wireCall(base, json.api_key, json.api_secret, { action: 'listClient' });
			expect(listed.json).toEqual({ clients: [], error: OK });
			const created = await wireCall(base, json.api_key, json.api_secret, { action: 'createClient', category: 'client', client_company_name: 'Mine' });
			await emu.webhooksSettled();
			expect(JSON.parse(receiver.received[0].body)).toEqual({
				company_id: json.company_id,
				notification_type: 'create_contact',
				result: { id: created.json!.client_id, error: OK },
			});
			await expectError({ action: 'getClient', client_id: created.json!.client_id }, -9);
		} finally {
			await receiver.close();
		}
	});

	it('should reject an invalid username with the undocumented code and a violation', async () => {
		await expectError({ action: 'createAccount', username: 'not-an-email' }, UNDOCUMENTED_CODE, 'Emulator: username must be a valid email address (undocumented)');
		expect(emu.violations).toHaveLength(1);
	});

	it('should delete an account, its tokens and its data', async () => {
		const created = await expectOk({ action: 'createAccount', username: 'del@example.test', app_name: 'X' });
		await expectOk({ action: 'deleteAccount', company_id: created.company_id });
		expect(emu.store.accounts.has(created.company_id)).toBe(false);
		const after = await wireCall(base, created.api_key, created.api_secret, { action: 'listClient' });
		expect(after.body).toBe('{"error":{"code":-3,"message":"Invalid Token"}}');
	});

	it('should update the subscription status', async () => {
		for (const status of ['readonly', 'blocked', 'active']) {
			await expectOk({ action: 'updateAccount', company_id: '550', subscription_status: status });
			expect(emu.store.accounts.get('550')?.subscription_status).toBe(status);
		}
	});

	it('should hand out single-use auth tokens with getConnectionToken', async () => {
		const json = await expectOk({ action: 'getConnectionToken', mode: 'normal' });
		expect(Object.keys(json)).toEqual(['auth_token', 'error']);
		expect(emu.store.authTokens.get(json.auth_token)).toMatchObject({ companyId: '550', used: false });
	});

	it('should answer -28 to data actions of an application-only token', async () => {
		const { json } = await wireCall(base, emu.appOnlyToken, emu.secret, { action: 'listClient' });
		expect(json!.error.code).toBe(-28);
	});
});

describe('emulator => clients', () => {
	it('should list every client in the doc shape with string values', async () => {
		const json = await expectOk({ action: 'listClient' });
		expect(json.clients).toHaveLength(3);
		expect(Object.keys(json.clients[0])).toEqual([
			'client_id', 'exists', 'company_id', 'client_company_name', 'client_business_category', 'client_reference', 'description',
			'client_address', 'client_address_more', 'client_zipcode', 'client_city', 'client_country', 'number_tva', 'number_siret',
			'client_website', 'client_email', 'client_contact_firstname', 'client_contact_lastname', 'client_phonenumber',
			'client_contact_title', 'category', 'client_other', 'client_lang', 'client_keyword', 'client_code_analytic', 'archived',
			'accountancy_code_type',
		]);
		for (const client of json.clients) {
			expect(client.exists).toBe(true);
			for (const [key, value] of Object.entries(client)) if (key !== 'exists') expect(typeof value).toBe('string');
		}
	});

	it.each([
		['café', ['1002']],
		['CRÈME', ['1002']],
		['ref-wc', ['1001']],
		['lyon', ['1002']],
		['doe', ['1001']],
		['élodie', ['1002']],
		['papeterie-martin.test', ['1003']],
		['company', ['1001']],
		['zzz', []],
	])('should search clients for %s', async (keyword, ids) => {
		const json = await expectOk({ action: 'listClient', search_keyword: keyword });
		expect(json.clients.map((client) => client.client_id)).toEqual(ids);
	});

	it('should get a client in the doc shape', async () => {
		const json = await expectOk({ action: 'getClient', client_id: '1003' });
		expect(json.client).toMatchObject({ client_id: '1003', company_id: '550', client_company_name: 'Papeterie Martin', category: 'fournisseur' });
		expect(json.client).not.toHaveProperty('exists');
	});

	it('should create a client with the documented fields', async () => {
		const json = await expectOk({
			action: 'createClient',
			category: 'prospect',
			client_company_name: 'Él & Co <b>',
			client_email: 'g@tfs.im',
			client_city: 'Paris',
			client_lang: 'fr',
		});
		expect(Object.keys(json)).toEqual(['client_id', 'error']);
		expect(emu.store.clients.get(json.client_id)).toMatchObject({ category: 'prospect', client_company_name: 'Él & Co <b>', client_email: 'g@tfs.im' });
	});

	it('should reject an undocumented client category', async () => {
		await expectError({ action: 'createClient', category: 'customer', client_company_name: 'X' }, UNDOCUMENTED_CODE);
		expect(emu.store.clients.size).toBe(3);
	});

	it('should only update the provided fields on editClient', async () => {
		const json = await expectOk({ action: 'editClient', client_id: '1001', client_city: 'Lille', client_reference: '' });
		expect(json).toEqual({ error: OK });
		expect(emu.store.clients.get('1001')).toMatchObject({ client_city: 'Lille', client_reference: '', client_company_name: 'World Company', client_zipcode: '75017' });
	});
});

describe('emulator => services', () => {
	it('should list services in the doc shape', async () => {
		const json = await expectOk({ action: 'listService' });
		expect(json.services.map((service) => service.service_name)).toEqual(['Développement Web', 'Design', 'Abonnement Pictomos']);
		expect(json.services[2]).toMatchObject({ category: 'produits', price: '9.5', accountancy_code_type: 'standard', stock: '0' });
	});

	it('should get a service in the shorter doc shape', async () => {
		const json = await expectOk({ action: 'getService', service_id: '2002' });
		expect(Object.keys(json.service)).toEqual([
			'service_id', 'company_id', 'category', 'service_name', 'description', 'unit', 'price', 'vat', 'service_code_analytic', 'archived',
		]);
	});

	it('should create a service, defaulting the category to services', async () => {
		const json = await expectOk({ action: 'createService', service_name: 'Audit', price: '150.50', unit: 'jour' });
		expect(emu.store.services.get(json.service_id)).toMatchObject({ service_name: 'Audit', price: '150.5', category: 'services', unit: 'jour' });
		const product = await expectOk({ action: 'createService', service_name: 'Livre', price: '20', category: 'produits' });
		expect(emu.store.services.get(product.service_id)?.category).toBe('produits');
	});
});

describe('emulator => invoices', () => {
	it('should create an invoice with title lines, default and explicit prices', async () => {
		const json = await expectOk({
			action: 'createInvoice',
			client_id: '1002',
			invoice_date: '2025-06-15',
			invoice_attention: 'Élodie',
			objet: 'Site',
			line_service_id: ['75', '2001', '2003'],
			line_description: ['Phase 1', '', 'Abonnement'],
			line_quantity: ['1', '2', '12'],
			line_price: ['', '', '9.99'],
		});
		expect(Object.keys(json)).toEqual(['invoice_id', 'invoice_formated_number', 'invoice_document_key', 'invoice_date', 'client_id', 'error']);
		expect(json).toMatchObject({ invoice_date: '2025-06-15', client_id: '1002' });
		expect(json.invoice_formated_number).toMatch(/^F0625\d{4}$/);
		expect(json.invoice_document_key).toMatch(/^i[A-Za-z0-9]{19}$/);
		const { invoice } = await expectOk({ action: 'getInvoice', invoice_id: json.invoice_id });
		expect(invoice).toMatchObject({
			figures_total_withoutvat: '1719.88',
			figures_total_vat: '343.98',
			figures_total_withvat: '2063.86',
			figures_paid: '0',
			figures_due: '2063.86',
			invoice_status: 'pending',
			document_key: json.invoice_document_key,
			client_company_name: 'Café Crème SARL',
		});
		expect(invoice.articleList.map((line) => [line.service_id, line.quantity, line.invoice_price, line.total_ht, line.comment])).toEqual([
			['75', '1', '0', '0', 'Phase 1'],
			['2001', '2', '800', '1600', ''],
			['2003', '12', '9.99', '119.88', 'Abonnement'],
		]);
	});

	it('should honour invoice_vat, vat_enable, figures_total_withvat and invoice_paid', async () => {
		const vat = await expectOk({ action: 'createInvoice', client_id: '1001', invoice_vat: '5.5', ...LINE });
		expect(emu.store.invoiceFigures(emu.store.invoices.get(vat.invoice_id)!)).toMatchObject({ totalVat: 44, totalWithVat: 844 });
		const noVat = await expectOk({ action: 'createInvoice', client_id: '1001', vat_enable: '0', ...LINE });
		expect(emu.store.invoiceFigures(emu.store.invoices.get(noVat.invoice_id)!).totalWithVat).toBe(800);
		const forced = await expectOk({ action: 'createInvoice', client_id: '1001', figures_total_withvat: '1000', ...LINE });
		const { invoice } = await expectOk({ action: 'getInvoice', invoice_id: forced.invoice_id });
		expect([invoice.figures_total_withoutvat, invoice.figures_total_vat, invoice.figures_total_withvat]).toEqual(['800', '200', '1000']);
		const paid = await expectOk({ action: 'createInvoice', client_id: '1001', invoice_paid: '1', ...LINE });
		expect((await expectOk({ action: 'getInvoice', invoice_id: paid.invoice_id })).invoice).toMatchObject({ invoice_status: 'paid', figures_due: '0' });
	});

	it('should mark an unpaid invoice past its payment term as later', async () => {
		const json = await expectOk({ action: 'createInvoice', client_id: '1001', payment_condition_enable: '1', payment_term: '2020-01-31', ...LINE });
		const { invoice } = await expectOk({ action: 'getInvoice', invoice_id: json.invoice_id });
		expect(invoice).toMatchObject({ invoice_status: 'later', payment_term_fr: '31/01/20', invoice_paid_mention: 'pay_before' });
	});

	it('should return the full invoice in the doc shape', async () => {
		const { invoice } = await expectOk({ action: 'getInvoice', invoice_id: '5004' });
		expect(Object.keys(invoice)).toEqual([
			'invoice_formated_number', 'articleList', 'client_id', 'invoice_status', 'document_key', 'document_title', 'estimate_id', 'exists',
			'payment_term_fr', 'id', 'client_company_name', 'unix_timestamp', 'invoice_type', 'invoice_formated_year', 'invoice_paid_mention',
			'figures_total_withoutvat', 'figures_total_vat', 'figures_total_withvat', 'figures_paid', 'figures_due', 'invoice_format',
		]);
		expect(invoice).toMatchObject({
			id: '5004',
			exists: true,
			invoice_status: 'partially-paid',
			invoice_type: 'invoice',
			document_title: 'Facture',
			figures_total_withvat: '2880',
			figures_paid: '1000',
			figures_due: '1880',
			unix_timestamp: '1743458400',
			invoice_formated_year: '2025',
		});
		expect(Object.keys(invoice.articleList[0])).toEqual([
			'service_id', 'company_id', 'category', 'service_name', 'description', 'unit', 'price', 'supplier_price', 'is_with_vat', 'vat',
			'service_code_analytic', 'archived', 'invoice_id', 'quantity', 'remise', 'invoice_price', 'comment', 'unitDiscount', 'invoice_order',
			'percent', 'total_ht',
		]);
	});

	it.each([
		['pending', ['5001']],
		['later', ['5002']],
		['paid', ['5003']],
		['partially-paid', ['5004']],
		['paid-avoir', ['5005']],
		['avoir', ['5006']],
		['partially-paid-avoir', []],
	])('should list %s invoices', async (status, ids) => {
		const json = await expectOk({ action: 'listInvoice', invoice_status: status });
		expect(json.invoices.map((invoice) => invoice.id)).toEqual(ids);
		expect(json.pagination).toEqual({ first_row: '0', last_row: ids.length - 1, total_invoices: ids.length });
		for (const invoice of json.invoices) expect(invoice).toMatchObject({ invoice_status: status, articleList: [], document_key: false, downpayment_term: null });
	});

	it('should replace lines and update only the given fields on editInvoice', async () => {
		const json = await expectOk({
			action: 'editInvoice',
			invoice_id: '5001',
			client_id: '1002',
			objet: 'Nouveau',
			line_service_id: ['2002'],
			line_description: ['Refonte'],
			line_quantity: ['2'],
			line_price: ['500'],
		});
		expect(Object.keys(json)).toEqual(['invoice_id', 'invoice_formated_number', 'invoice_document_key', 'error']);
		const invoice = emu.store.invoices.get('5001')!;
		expect(invoice).toMatchObject({ clientId: '1002', objet: 'Nouveau', attention: 'John Doe', lines: [{ serviceId: '2002', description: 'Refonte', quantity: 2, price: 500 }] });
		expect(json.invoice_formated_number).toBe(invoice.formattedNumber);
	});

	it('should send an invoice to the client by default and record it in the mail history', async () => {
		expect(await expectOk({ action: 'sendInvoice', invoice_id: '5004' })).toEqual({ error: OK });
		await expectOk({ action: 'sendInvoice', invoice_id: '5004', email_template_id: '336', email_to: 'a@b.test, c@d.test' });
		const json = await expectOk({ action: 'getInvoiceMailHistory', invoice_id: '5004' });
		expect(json['invoice-emails']).toHaveLength(2);
		expect(json['invoice-emails'][0]).toEqual({
			id: expect.any(String),
			invoice_id: '5004',
			template_type: 'invoice',
			email_to: 'bonjour@cafe-creme.test',
			email_subject: 'Facture F04250004',
			email_content: expect.stringContaining('F04250004'),
			email_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			email_attachment: 'F04250004.pdf',
			email_viewed: '0',
		});
		expect(json['invoice-emails'][1]).toMatchObject({ template_type: 'reminder3', email_to: 'a@b.test, c@d.test' });
	});

	it('should reject an unknown email template or an invalid recipient as undocumented', async () => {
		await expectError({ action: 'sendInvoice', invoice_id: '5001', email_template_id: '999' }, UNDOCUMENTED_CODE);
		await expectError({ action: 'sendInvoice', invoice_id: '5001', email_to: 'nobody' }, UNDOCUMENTED_CODE);
		expect(emu.store.mails.size).toBe(1);
		expect(emu.violations).toHaveLength(2);
	});

	it('should list the email templates of the account', async () => {
		const json = await expectOk({ action: 'listEmailTemplates' });
		expect(json['email-templates'].map((template) => template.template_type)).toEqual(['estimate', 'invoice', 'reminder1', 'reminder2', 'reminder3']);
		expect(Object.keys(json['email-templates'][0])).toEqual([
			'id', 'company_id', 'signature_id', 'template_name', 'template_type', 'template_subject', 'template_message', 'template_attachment_doc',
		]);
	});

	it('should create a credit note negating the invoice and mark the original paid-avoir', async () => {
		const json = await expectOk({ action: 'createCreditNote', invoice_id: '5002' });
		expect(Object.keys(json)).toEqual(['invoice_id', 'invoice_formated_number', 'invoice_document_key', 'invoice_date', 'client_id', 'error']);
		const note = (await expectOk({ action: 'getInvoice', invoice_id: json.invoice_id })).invoice;
		expect(note).toMatchObject({ invoice_type: 'avoir', invoice_status: 'avoir', document_title: 'Avoir', figures_total_withvat: '-540' });
		const original = (await expectOk({ action: 'getInvoice', invoice_id: '5002' })).invoice;
		expect(original).toMatchObject({ invoice_status: 'paid-avoir', figures_paid: '540', figures_due: '0' });
	});

	it('should refuse to credit a credit note or an already credited invoice', async () => {
		await expectError({ action: 'createCreditNote', invoice_id: '5006' }, UNDOCUMENTED_CODE);
		await expectError({ action: 'createCreditNote', invoice_id: '5005' }, UNDOCUMENTED_CODE);
		expect(emu.store.invoices.size).toBe(6);
	});
});

describe('emulator => payments', () => {
	it('should create payments and move the invoice to partially-paid then paid', async () => {
		const first = await expectOk({ action: 'createPayment', invoice_id: '5001', montant: '920', type: 'virement', reference: 'VIR-1', payment_date: '2025-02-01' });
		expect(Object.keys(first)).toEqual(['payment_id', 'error']);
		expect(emu.store.payments.get(first.payment_id)).toMatchObject({ invoice_id: '5001', montant: '920', type: 'virement', payment_date: '2025-02-01' });
		expect((await expectOk({ action: 'getInvoice', invoice_id: '5001' })).invoice.invoice_status).toBe('partially-paid');
		await expectOk({ action: 'createPayment', invoice_id: '5001', montant: '1000', type: 'cb' });
		expect((await expectOk({ action: 'getInvoice', invoice_id: '5001' })).invoice).toMatchObject({ invoice_status: 'paid', figures_paid: '1920', figures_due: '0' });
	});

	it.each([
		[{ invoice_id: '5001', type: 'cb' }, 'missing parameter montant'],
		[{ invoice_id: '5001', montant: '10' }, 'missing parameter type'],
		[{ invoice_id: '5001', montant: '10', type: 'bitcoin' }, 'payment type must be one of cb, check, especes, paypal, virement, other'],
	])('should answer the undocumented code for createPayment %j', async (params, reason) => {
		await expectError({ action: 'createPayment', ...params }, UNDOCUMENTED_CODE, `Emulator: ${reason} (undocumented)`);
		expect(emu.store.payments.size).toBe(2);
		expect(emu.violations).toEqual([`createPayment: ${reason}`]);
	});

	it('should edit the only payment of an invoice without payment_id', async () => {
		const json = await expectOk({ action: 'editPayment', invoice_id: '5004', montant: '2880', type: 'cb' });
		expect(json.payment_id).toBe('8002');
		expect(emu.store.payments.get('8002')).toMatchObject({ montant: '2880', type: 'cb', numero_cheque: '0001234' });
		expect((await expectOk({ action: 'getInvoice', invoice_id: '5004' })).invoice.invoice_status).toBe('paid');
	});

	it('should edit the payment named by payment_id', async () => {
		const created = await expectOk({ action: 'createPayment', invoice_id: '5004', montant: '100', type: 'cb' });
		await expectOk({ action: 'editPayment', invoice_id: '5004', payment_id: created.payment_id, montant: '150' });
		expect(emu.store.payments.get(created.payment_id)?.montant).toBe('150');
		expect(emu.store.payments.get('8002')?.montant).toBe('1000');
	});

	it('should answer the undocumented code for an unknown payment_id or an invoice without payments', async () => {
		await expectError({ action: 'editPayment', invoice_id: '5004', payment_id: '8001', montant: '1' }, UNDOCUMENTED_CODE);
		await expectError({ action: 'editPayment', invoice_id: '5001', montant: '1' }, UNDOCUMENTED_CODE);
		expect(emu.violations).toHaveLength(2);
	});

	it('should delete all payments of an invoice', async () => {
		await expectOk({ action: 'createPayment', invoice_id: '5004', montant: '100', type: 'cb' });
		expect(await expectOk({ action: 'deleteAllPayments', invoice_id: '5004' })).toEqual({ error: OK });
		expect(emu.store.paymentsOf('5004')).toEqual([]);
		expect(emu.store.payments.size).toBe(1);
		expect((await expectOk({ action: 'getInvoice', invoice_id: '5004' })).invoice.invoice_status).toBe('pending');
	});
});

describe('emulator => expenses', () => {
	const expense = { date: '2025-03-01', supplier_id: '1003', invoice_number: 'IN-1', vat: '2', amount: '12.00', payment_type: 'prelevement', payment_reference: 'R', comment: 'Papier' };

	it('should create and get an expense in the doc shape', async () => {
		const created = await expectOk({ action: 'createExpense', ...expense });
		expect(Object.keys(created)).toEqual(['expense_id', 'error']);
		const json = await expectOk({ action: 'getExpense', expense_id: created.expense_id });
		expect(json.expense).toEqual({ exists: true, expense_id: created.expense_id, ...expense, amount: '12' });
	});

	it('should edit an expense', async () => {
		const json = await expectOk({ action: 'editExpense', expense_id: '9001', supplier_id: '1003', amount: '4.5', payment_type: 'cb', comment: 'Cartes' });
		expect(json).toEqual({ expense_id: '9001', error: OK });
		expect(emu.store.expenses.get('9001')).toMatchObject({ amount: '4.5', payment_type: 'cb', comment: 'Cartes', invoice_number: 'IN-81450-2' });
	});

	it('should answer the undocumented code for an unknown payment type or supplier', async () => {
		await expectError({ action: 'createExpense', ...expense, payment_type: 'cash' }, UNDOCUMENTED_CODE);
		await expectError({ action: 'createExpense', ...expense, supplier_id: '424242' }, UNDOCUMENTED_CODE);
		expect(emu.store.expenses.size).toBe(1);
	});
});

describe('emulator => estimates', () => {
	it('should create an estimate and return its numbers', async () => {
		const json = await expectOk({
			action: 'createEstimate',
			client_id: '1001',
			estimate_date: '2012-05-01',
			estimate_attention: 'Monsieur Test',
			objet: 'Site Artiste',
			estimate_vat: '19.6',
			line_service_id: ['2003'],
			line_description: ['Abonnement Pictomos'],
			line_quantity: ['12'],
			line_price: ['9.5'],
			template_id: '1247',
		});
		expect(Object.keys(json)).toEqual(['estimate_id', 'estimate_formated_number', 'estimate_document_key', 'estimate_date', 'client_id', 'error']);
		expect(json).toMatchObject({ estimate_date: '2012-05-01', client_id: '1001', estimate_formated_number: 'D12050003' });
		expect(json.estimate_document_key).toMatch(/^e[A-Za-z0-9]{19}$/);
		expect(emu.violations).toEqual([]);
		const { estimate } = await expectOk({ action: 'getEstimate', estimate_id: json.estimate_id });
		expect(estimate).toMatchObject({ figures_total_withoutvat: '114', figures_total_vat: '22.34', figures_total_withvat: '136.34', estimate_status: 'pending' });
		expect(estimate.articleList[0]).toMatchObject({ template_id: '1247', estimate_vat: '19.6', estimate_attention: 'Monsieur Test', total_ht: '114' });
	});

	it('should return the estimate in the doc shape', async () => {
		const { estimate } = await expectOk({ action: 'getEstimate', estimate_id: '7002' });
		expect(Object.keys(estimate)).toEqual([
			'estimate_formated_number', 'articleList', 'estimate_status', 'document_title', 'document_key', 'exists', 'id', 'estimate_number',
			'unix_timestamp', 'figures_total_withoutvat', 'figures_total_vat', 'figures_total_withvat', 'estimate_format',
		]);
		expect(estimate.articleList).toHaveLength(2);
		expect(estimate.articleList[1]).toMatchObject({ estimate_price: '800', quantity: '1.5', total_ht: '1200', estimate_action_date: null, client_company_name: 'Café Crème SARL' });
	});

	it('should transform an estimate into an invoice and mark it gained', async () => {
		const json = await expectOk({ action: 'transformEstimate', estimate_id: '7002' });
		expect(Object.keys(json)).toEqual(['invoice_id', 'invoice_formated_number', 'invoice_document_key', 'invoice_date', 'client_id', 'error']);
		const { invoice } = await expectOk({ action: 'getInvoice', invoice_id: json.invoice_id });
		expect(invoice).toMatchObject({ estimate_id: '7002', client_id: '1002', figures_total_withoutvat: '1800', invoice_status: 'pending' });
		expect(emu.store.estimates.get('7002')).toMatchObject({ status: 'gained', invoiceId: json.invoice_id });
	});

	it('should refuse to transform an estimate twice', async () => {
		await expectError({ action: 'transformEstimate', estimate_id: '7001' }, UNDOCUMENTED_CODE);
		expect(emu.store.invoices.size).toBe(6);
	});
});

describe('emulator => strictness', () => {
	it('should flag unequal line arrays and still create the invoice', async () => {
		const json = await expectOk({ action: 'createInvoice', client_id: '1001', line_service_id: ['2001', '2002'], line_quantity: ['1'], line_price: ['10', '20'] });
		expect(emu.violations).toEqual(['createInvoice: line arrays have unequal lengths (line_service_id[]=2, line_quantity[]=1, line_price[]=2)']);
		expect(emu.store.invoices.get(json.invoice_id)?.lines.map((line) => line.quantity)).toEqual([1, 0]);
	});

	it('should flag a missing line_quantity[]', async () => {
		await expectOk({ action: 'createEstimate', client_id: '1001', line_service_id: ['2001'] });
		expect(emu.violations).toEqual(['createEstimate: missing line_quantity[] (required by the doc)']);
	});

	it('should flag parameters the doc does not list for the action', async () => {
		await expectOk({ action: 'createClient', category: 'client', client_company_name: 'X', client_contact_firstname: 'Jo' });
		await expectOk({ action: 'editInvoice', invoice_id: '5001', client_id: '1001', template_id: '3', ...LINE });
		expect(emu.violations).toEqual([
			'createClient: parameter "client_contact_firstname" is not documented for this action',
			'editInvoice: parameter "template_id" is not documented for this action',
		]);
	});

	it('should accept documented extras: estimate_date, template_id and custom', async () => {
		await expectOk({ action: 'createEstimate', client_id: '1001', estimate_date: '2025-01-01', template_id: '9', custom: 'id=3', ...LINE });
		await expectOk({ action: 'createInvoice', client_id: '1001', template_id: '9', custom: 'x', ...LINE });
		expect(emu.violations).toEqual([]);
	});

	it('should flag a scalar sent as an array and an array sent as a scalar', async () => {
		await expectError({ action: 'getClient', client_id: ['1001'] }, -9);
		await expectOk({ action: 'createInvoice', client_id: '1001', line_service_id: '2001', line_quantity: ['1'] } as FormParams);
		expect(emu.violations).toEqual([
			'getClient: "client_id" must be a scalar, got an array',
			'createInvoice: "line_service_id" must be sent as an array (line_service_id[]=...), got a scalar',
		]);
	});

	it('should flag decimal commas, non-flag values and malformed dates', async () => {
		await expectOk({ action: 'createInvoice', client_id: '1001', invoice_vat: '5,5', invoice_paid: 'yes', invoice_date: '01/05/2012', line_service_id: ['2001'], line_quantity: ['1,5'] });
		expect(emu.violations).toHaveLength(4);
		expect(emu.violations.join('\n')).toMatch(/invoice_vat.*"5,5"[\s\S]*invoice_paid[\s\S]*invoice_date[\s\S]*line_quantity\[0\]/);
	});

	it('should flag requests that exceed PHP max_input_vars', async () => {
		const count = 260;
		const ids = Array.from({ length: count }, () => '2001');
		await expectOk({ action: 'createInvoice', client_id: '1001', line_service_id: ids, line_description: ids.map(() => ''), line_quantity: ids.map(() => '1'), line_price: ids.map(() => '') });
		expect(emu.violations.join('\n')).toMatch(/beyond PHP max_input_vars were dropped/);
	});
});

describe('emulator => listInvoice pagination', () => {
	beforeEach(() => {
		emu.reset();
	});

	it('should page 120 invoices by 50 from page_index rows', async () => {
		const ids = emu.addInvoices(120);
		expect(ids).toHaveLength(120);
		const seen: unknown[] = [];
		for (const [pageIndex, count] of [[0, 50], [50, 50], [100, 20]]) {
			const json = await expectOk({ action: 'listInvoice', invoice_status: 'pending', page_index: String(pageIndex) });
			expect(json.pagination).toEqual({ first_row: String(pageIndex), last_row: pageIndex + count - 1, total_invoices: 120 });
			expect(json.invoices).toHaveLength(count);
			seen.push(...json.invoices.map((invoice) => invoice.id));
		}
		expect(new Set(seen).size).toBe(120);
		expect(seen).toEqual([...ids].reverse());
		const end = await expectOk({ action: 'listInvoice', invoice_status: 'pending', page_index: '120' });
		expect(end).toMatchObject({ pagination: { first_row: '120', last_row: 119, total_invoices: 120 }, invoices: [] });
		await expectError({ action: 'listInvoice', invoice_status: 'pending', page_index: '121' }, -41, 'Invalid parameter page_index');
	});

	it.each(['later', 'paid', 'partially-paid', 'paid-avoir', 'partially-paid-avoir', 'avoir'])('should bulk-create %s invoices', async (status) => {
		const ids = emu.addInvoices(3, { status });
		const json = await expectOk({ action: 'listInvoice', invoice_status: status });
		expect(json.invoices.map((invoice) => invoice.id).sort()).toEqual([...ids].sort());
	});
});

describe('emulator => faults', () => {
	it.each([
		['timeout', (promise: Promise<unknown>) => expect(promise).rejects.toThrow()],
		['reset', (promise: Promise<unknown>) => expect(promise).rejects.toThrow()],
	] as const)('should not execute the action on %s', async (type, assertion) => {
		emu.setFault({ type });
		const request = fetch(`${base}/api/api.php`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: `token=${emu.token}&crequest=${encodeURIComponent(encrypt(emu.secret, 'action=createClient&category=client&client_company_name=T'))}`,
			signal: AbortSignal.timeout(400),
		});
		await assertion(request);
		expect(emu.store.clients.size).toBe(3);
		expect(emu.calls[0]).toMatchObject({ action: 'createClient', fault: type, responseCode: FAULT_RESPONSE_CODE });
	});

	it.each([
		['http500', 500, /Internal Server Error/],
		['http502', 502, /Bad Gateway/],
	] as const)('should answer %s with an HTML page and not execute the action', async (type, status, text) => {
		emu.setFault({ type });
		const result = await call({ action: 'createClient', category: 'client', client_company_name: 'T' });
		expect(result.status).toBe(status);
		expect(result.body).toMatch(text);
		expect(result.json).toBeUndefined();
		expect(emu.store.clients.size).toBe(3);
	});

	it('should answer an empty 200 body on empty', async () => {
		emu.setFault({ type: 'empty' });
		const result = await call({ action: 'listClient' });
		expect([result.status, result.body, result.json]).toEqual([200, '', undefined]);
	});

	it('should cut the ciphertext in half on truncated', async () => {
		emu.setFault({ type: 'truncated' });
		const result = await call({ action: 'listClient' });
		const full = encodeResponse(emu.secret, '{"error":{"code":0,"message":"OK"}}', 'urlencoded');
		expect(result.body).toBe(full.slice(0, Math.floor(full.length / 2)));
		expect(result.json).toBeUndefined();
	});

	it('should encrypt under another secret on wrongSecret', async () => {
		emu.setFault({ type: 'wrongSecret' });
		const result = await call({ action: 'listClient' });
		expect(result.body).toMatch(/^[A-Za-z0-9%]+$/);
		expect(result.json).toBeUndefined();
		expect(decrypt(emu.secret, result.body)).not.toContain('"error"');
	});

	it('should send valid ciphertext of broken JSON on invalidJson', async () => {
		emu.setFault({ type: 'invalidJson' });
		const result = await call({ action: 'listClient' });
		expect(decrypt(emu.secret, result.body)).toBe('{"error":');
		expect(result.json).toBeUndefined();
	});

	it('should answer -4 on quota without executing', async () => {
		emu.setFault({ type: 'quota' });
		const result = await call({ action: 'createClient', category: 'client', client_company_name: 'T' });
		expect(result.json).toEqual({ error: { code: -4, message: 'Too many API calls for the day' } });
		expect(emu.store.clients.size).toBe(3);
	});

	it('should answer normally after the delay on slow, executing the action', async () => {
		emu.setFault({ type: 'slow', delayMs: 300 });
		const started = Date.now();
		const result = await call({ action: 'createClient', category: 'client', client_company_name: 'Slow' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(result.json!.error).toEqual(OK);
		expect(emu.store.clients.get(result.json!.client_id)?.client_company_name).toBe('Slow');
		expect(emu.calls[0]).toMatchObject({ fault: 'slow', responseCode: 0 });
	});

	it('should only fault the given action, the given number of times', async () => {
		emu.setFault({ type: 'http500', action: 'getClient', times: 2 });
		expect((await call({ action: 'listClient' })).status).toBe(200);
		expect((await call({ action: 'getClient', client_id: '1001' })).status).toBe(500);
		expect((await call({ action: 'getClient', client_id: '1001' })).status).toBe(500);
		expect((await call({ action: 'getClient', client_id: '1001' })).json!.error).toEqual(OK);
		expect(emu.calls.map((recorded) => recorded.fault)).toEqual([undefined, 'http500', 'http500', undefined]);
	});

	it('should let the first skip matching calls through, to fault one request of a batch', async () => {
		emu.setFault({ type: 'http502', action: 'createClient', skip: 1, times: 1 });
		const statuses: number[] = [];
		for (const name of ['A', 'B', 'C']) {
			await call({ action: 'listClient' });
			statuses.push((await call({ action: 'createClient', category: 'client', client_company_name: name })).status);
		}
		expect(statuses).toEqual([200, 502, 200]);
		expect(emu.calls.map((recorded) => recorded.fault)).toEqual([undefined, undefined, undefined, 'http502', undefined, undefined]);
		expect([...emu.store.clients.values()].map((client) => client.client_company_name).slice(3)).toEqual(['A', 'C']);
	});

	it('should clear a fault with setFault(null)', async () => {
		emu.setFault({ type: 'empty' });
		emu.setFault(null);
		expect((await call({ action: 'listClient' })).json!.error).toEqual(OK);
	});

	it('should stop promptly while a timeout fault holds a socket', async () => {
		const other = new FactomosEmulator();
		const url = await other.start();
		other.setFault({ type: 'timeout' as FaultType });
		const pending = wireCall(url, other.token, other.secret, { action: 'listClient' }).catch((error: Error) => error);
		while (other.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
		const started = Date.now();
		await other.stop();
		expect(Date.now() - started).toBeLessThan(1000);
		// fetch rejects with a TypeError from another realm, so check its text rather than its class.
		expect(String(await pending)).toMatch(/fetch failed/);
	});
});

describe('emulator => sessions', () => {
	async function authToken(): Promise<string> {
		return (await expectOk({ action: 'getConnectionToken', mode: 'normal' })).auth_token;
	}

	it('should create, check and delete a session with a single-use auth token', async () => {
		const token = await authToken();
		const created = await post(`/api/session/create/${token}`, '');
		expect(await created.json()).toEqual({ error: OK });
		const cookie = created.headers.get('set-cookie')!;
		expect(cookie).toMatch(/^PHPSESSID=[a-z0-9]+; path=\/$/);
		const sessionCookie = cookie.split(';')[0];

		const check = await fetch(`${base}/api/session/check`, { headers: { Cookie: sessionCookie } });
		expect(await check.json()).toEqual({
			error: { code: 0, message: '' },
			user: { id: '568', username: 'contact@factomos.com', company_id: '550', app_domain: 'app.factomos.com' },
		});
		expect(await (await post(`/api/session/create/${token}`, '')).json()).toEqual({ error: { code: -32, message: 'Invalid auth_token' } });

		expect(await (await post(`/api/session/delete/${token}`, '')).json()).toEqual({ error: OK });
		const after = await fetch(`${base}/api/session/check`, { headers: { Cookie: sessionCookie } });
		expect(await after.json()).toEqual({ error: { code: -34, message: 'No session' } });
		expect(await (await post(`/api/session/delete/${token}`, '')).json()).toEqual({ error: { code: -32, message: 'Invalid auth_token' } });
		expect(emu.violations).toEqual([]);
	});

	it('should answer -31 without an auth token and -32 for an unknown one', async () => {
		expect(await (await post('/api/session/create/', '')).json()).toEqual({ error: { code: -31, message: 'Missing auth_token' } });
		expect(await (await post('/api/session/delete', '')).json()).toEqual({ error: { code: -31, message: 'Missing auth_token' } });
		expect(await (await post('/api/session/create/unknown', '')).json()).toEqual({ error: { code: -32, message: 'Invalid auth_token' } });
		expect(await (await post(`/api/session/delete/${await authToken()}`, '')).json()).toEqual({ error: { code: -32, message: 'Invalid auth_token' } });
	});

	it('should answer -34 to a check without session', async () => {
		expect(await (await fetch(`${base}/api/session/check`)).json()).toEqual({ error: { code: -34, message: 'No session' } });
		expect(await (await fetch(`${base}/api/session/check`, { headers: { Cookie: 'PHPSESSID=forged' } })).json()).toMatchObject({ error: { code: -34 } });
	});

	it('should accept the auth token returned by createAccount', async () => {
		const account = await expectOk({ action: 'createAccount', username: 'sso@example.test' });
		const created = await post(`/api/session/create/${account.auth_token}`, '');
		const check = await fetch(`${base}/api/session/check`, { headers: { Cookie: created.headers.get('set-cookie')!.split(';')[0] } });
		expect(((await check.json()) as { user: unknown }).user).toMatchObject({ username: 'sso@example.test', company_id: account.company_id });
	});
});

describe('emulator => /creer-devis', () => {
	it('should echo the prefilled values HTML-escaped and record the form', async () => {
		const body = 'client_company_name=Caf%C3%A9+Cr%C3%A8me+SARL&estimate_attention=%C3%89lodie&objet=%3Cscript%3Ealert(1)%3C%2Fscript%3E&estimate_comment=A+%26+B&custom=id%3D3';
		const response = await post('/creer-devis', body);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await response.text();
		expect(html).toContain('value="Café Crème SARL"');
		expect(html).toContain('value="Élodie"');
		expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
		expect(html).not.toContain('<script>');
		expect(html).toContain('A &#38; B');
		expect(emu.store.prefilledForms).toEqual([
			{
				params: { client_company_name: 'Café Crème SARL', estimate_attention: 'Élodie', objet: '<script>alert(1)</script>', estimate_comment: 'A & B', custom: 'id=3' },
				clientId: '1002',
				authenticated: false,
				at: expect.any(Number),
			},
		]);
		expect(emu.violations).toEqual([]);
	});

	it('should prefer client_id, log in with x-auth-token and flag unknown fields', async () => {
		const token = (await expectOk({ action: 'getConnectionToken', mode: 'normal' })).auth_token;
		const response = await post('/creer-devis', 'client_id=1003&client_company_name=World+Company&foo=1', { 'x-auth-token': token });
		expect(response.headers.get('set-cookie')).toMatch(/^PHPSESSID=/);
		expect(emu.store.prefilledForms[0]).toMatchObject({ clientId: '1003', authenticated: true });
		expect(emu.store.authTokens.get(token)?.used).toBe(true);
		expect(emu.violations).toEqual(['creer-devis: parameter "foo" is not documented']);
	});

	it('should answer 404 to unknown paths', async () => {
		const response = await fetch(`${base}/api/nope.php`);
		expect(response.status).toBe(404);
		expect(emu.requests[0]).toMatchObject({ method: 'GET', path: '/api/nope.php' });
	});
});

describe('emulator => webhooks', () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;

	beforeEach(async () => {
		receiver = await startReceiver();
		emu.setWebhookUrl(receiver.url);
	});

	afterEach(() => receiver.close());

	const mapping: [string, string, FormParams, (json: FactomosAnswer) => string, boolean][] = [
		['createInvoice', 'create_invoice', { client_id: '1001', ...LINE }, (json) => json.invoice_id, false],
		['editInvoice', 'update_invoice', { invoice_id: '5001', client_id: '1001', ...LINE }, () => '5001', false],
		['createPayment', 'add_invoice_payment', { invoice_id: '5001', montant: '10', type: 'cb' }, () => '5001', false],
		['editPayment', 'update_invoice_payment', { invoice_id: '5003', montant: '100' }, () => '5003', false],
		['deleteAllPayments', 'delete_invoice_payment', { invoice_id: '5003' }, () => '5003', false],
		['createCreditNote', 'create_avoir', { invoice_id: '5001' }, (json) => json.invoice_id, false],
		['sendInvoice', 'send_invoice', { invoice_id: '5001' }, () => '5001', false],
		['createEstimate', 'create_estimate', { client_id: '1001', ...LINE }, (json) => json.estimate_id, false],
		['transformEstimate', 'estimate_status_gained', { estimate_id: '7002' }, () => '7002', true],
		['createClient', 'create_contact', { category: 'client', client_company_name: 'N' }, (json) => json.client_id, false],
		['editClient', 'update_contact', { client_id: '1001', client_city: 'Lille' }, () => '1001', false],
		['createService', 'create_service', { service_name: 'S', price: '10' }, (json) => json.service_id, false],
	];

	it.each(mapping)('should notify %s as %s', async (action, type, params, id, withInvoice) => {
		const json = await expectOk({ action, ...params, custom: 'id=3' });
		await emu.webhooksSettled();
		expect(receiver.received).toHaveLength(1);
		const result: Record<string, unknown> = { id: id(json) };
		if (withInvoice) result.invoice_id = json.invoice_id;
		result.error = OK;
		expect(receiver.received[0].body).toBe(JSON.stringify({ company_id: '550', notification_type: type, result, custom: 'id=3' }));
		expect(receiver.received[0].headers['content-type']).toBeUndefined();
		expect(emu.webhookDeliveries).toEqual([{ url: receiver.url, body: receiver.received[0].body, contentType: null, status: 200 }]);
	});

	it('should leave custom out when the action had none and send nothing for reads or failures', async () => {
		await expectOk({ action: 'listClient' });
		await expectError({ action: 'getClient', client_id: '1' }, -9);
		await expectError({ action: 'createClient', category: 'client' }, -12);
		await expectOk({ action: 'createClient', category: 'client', client_company_name: 'N' });
		await emu.webhooksSettled();
		expect(receiver.received).toHaveLength(1);
		expect(JSON.parse(receiver.received[0].body)).not.toHaveProperty('custom');
	});

	it('should not delay the API response while the webhook receiver is slow', async () => {
		const slow = await startReceiver(1500);
		try {
			emu.setWebhookUrl(slow.url);
			const started = Date.now();
			await expectOk({ action: 'createClient', category: 'client', client_company_name: 'Fast' });
			expect(Date.now() - started).toBeLessThan(1000);
			await emu.webhooksSettled();
			expect(slow.received).toHaveLength(1);
		} finally {
			await slow.close();
		}
	});

	it('should send the configured Content-Type when asked', async () => {
		const other = new FactomosEmulator({ webhookUrl: receiver.url, webhookContentType: 'text/plain' });
		await other.emitWebhook('create_invoice', '1');
		expect(receiver.received[0].headers['content-type']).toBe('text/plain');
		expect(other.webhookDeliveries[0].contentType).toBe('text/plain');
	});

	it('should emit each of the 31 documented notification types', async () => {
		expect(NOTIFICATION_TYPES).toHaveLength(31);
		for (const type of NOTIFICATION_TYPES) await emu.emitWebhook(type, '42');
		expect(receiver.received.map((request) => JSON.parse(request.body).notification_type)).toEqual([...NOTIFICATION_TYPES]);
		await emu.emitWebhook('estimate_status_gained', '7', { invoice_id: '8', custom: 'c', error: { code: -1, message: 'KO' } });
		expect(JSON.parse(receiver.received[31].body)).toEqual({
			company_id: '550',
			notification_type: 'estimate_status_gained',
			result: { id: '7', invoice_id: '8', error: { code: -1, message: 'KO' } },
			custom: 'c',
		});
	});

	it('should refuse an undocumented notification type', async () => {
		await expect(emu.emitWebhook('create_thing', '1')).rejects.toThrow(/not a documented notification type/);
	});

	it('should record a delivery error when the receiver is unreachable', async () => {
		await receiver.close();
		await expectOk({ action: 'createClient', category: 'client', client_company_name: 'N' });
		await emu.webhooksSettled();
		expect(emu.webhookDeliveries[0].error).toMatch(/ECONNREFUSED/);
	});
});

describe('emulator => seed and reset', () => {
	it('should seed deterministic demo data', async () => {
		const clients = [...emu.store.clients.values()];
		expect(clients.map((client) => [client.client_company_name, client.category])).toEqual([
			['World Company', 'client'],
			['Café Crème SARL', 'client'],
			['Papeterie Martin', 'fournisseur'],
		]);
		expect(emu.store.services.size).toBe(3);
		expect(emu.store.estimates.size).toBe(2);
		expect(emu.store.expenses.size).toBe(1);
		const statuses = [...emu.store.invoices.values()].map((invoice) => emu.store.invoiceFigures(invoice).status);
		expect(statuses).toEqual(['pending', 'later', 'paid', 'partially-paid', 'paid-avoir', 'avoir']);
		const twin = new FactomosEmulator({ seed: true });
		expect([...twin.store.invoices.values()].map((invoice) => invoice.documentKey)).toEqual([...emu.store.invoices.values()].map((invoice) => invoice.documentKey));
	});

	it('should empty the store but keep the email templates on reset', async () => {
		await call({ action: 'listClient' });
		emu.reset();
		expect([emu.store.clients.size, emu.store.invoices.size, emu.calls.length, emu.violations.length]).toEqual([0, 0, 0, 0]);
		expect(emu.store.templatesOf('550')).toHaveLength(5);
		expect((await expectOk({ action: 'listInvoice', invoice_status: 'pending' })).invoices).toEqual([]);
	});

	it('should restore the constructor options on reset: mode, quota, quota use, fault and webhook URL', async () => {
		const other = new FactomosEmulator({ responseMode: 'plain', quota: 1, webhookUrl: 'http://127.0.0.1:9/hook' });
		const url = await other.start();
		const listServices = () => wireCall(url, other.token, other.secret, { action: 'listService' });
		try {
			await listServices();
			other.setResponseMode('base64');
			other.setQuota(0);
			other.setWebhookUrl(null);
			other.setFault({ type: 'empty' });
			other.reset();
			const result = await listServices();
			expect(result.body).toBe('{"services":[],"error":{"code":0,"message":"OK"}}');
			expect(other.calls).toEqual([expect.objectContaining({ responseCode: 0 })]);
			expect((await listServices()).json!.error.code).toBe(-4);
			expect(other.store.tokens.get(other.token)?.webhookUrl).toBe('http://127.0.0.1:9/hook');
		} finally {
			await other.stop();
		}
	});
});

describe('emulator => cli', () => {
	let child: childProcess.ChildProcess | null = null;

	afterEach(() => {
		if (child && child.exitCode === null) child.kill('SIGKILL');
	});

	it('should start seeded, answer requests and stop cleanly on SIGTERM', async () => {
		const tsNode = path.join(REPO_ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');
		const proc = spawn(process.execPath, [tsNode, '--transpile-only', path.join(REPO_ROOT, 'test', 'emulator', 'cli.ts'), '--seed', '--port', '0', '--mode', 'plain', '--token', 'cli-token'], {
			cwd: REPO_ROOT,
		});
		child = proc;
		let output = '';
		const url = await new Promise<string>((resolve, reject) => {
			proc.stdout!.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				const match = /listening on (http:\/\/\S+)/.exec(output);
				if (match && output.includes('secret:')) resolve(match[1]);
			});
			proc.on('exit', (code) => reject(new Error(`cli exited with ${code}: ${output}`)));
		});
		expect(output).toContain('token:        cli-token');
		const result = await wireCall(url, 'cli-token', 'demo-secret-1234', { action: 'listInvoice', invoice_status: 'later' });
		expect(result.body.startsWith('{')).toBe(true);
		expect(result.json!.pagination.total_invoices).toBe(1);
		const exitCode = await new Promise<number | null>((resolve) => {
			proc.removeAllListeners('exit');
			proc.on('exit', (code) => resolve(code));
			proc.kill('SIGTERM');
		});
		expect(exitCode).toBe(0);
	}, 30000);
});

describe('emulator => wire helper', () => {
	it('should decode plain, base64 and urlencoded bodies', () => {
		const json = '{"error":{"code":0,"message":"OK"}}';
		for (const mode of ['plain', 'base64', 'urlencoded'] as const) {
			expect(decodeBody(emu.secret, encodeResponse(emu.secret, json, mode))).toEqual({ error: OK });
		}
		expect(decodeBody(emu.secret, '')).toBeUndefined();
	});
});
