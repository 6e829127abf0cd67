import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type TestCredentials } from '../helpers/n8n';

const { env, failure, expectApiError } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

/** Session endpoints are not /api/api.php calls: count raw requests instead. */
async function expectSessionInputError(parameters: INodeParameters, message: RegExp) {
	const before = emu.requests.length;
	const error = await failure(runNode(creds, parameters));
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(error.description).toBeTruthy();
	expect(error.context.itemIndex).toBe(0);
	expect(emu.requests.length).toBe(before);
}

async function expectSessionError(parameters: INodeParameters, call: string, code: number, explanation: string) {
	const error = await failure(runNode(creds, parameters));
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(new RegExp(`^Factomos error ${code} on session ${call}: `));
	expect(error.description).toContain(explanation);
	expect(error.errorResponse).toMatchObject({ code });
	expect(error.context.itemIndex).toBe(0);
}

async function connectionToken(): Promise<string> {
	const [item] = await runNode(creds, { resource: 'session', operation: 'getConnectionToken' });
	return String(item.json.auth_token);
}

describe('session => getConnectionToken', () => {
	it('should ask for a token in normal mode and return it', async () => {
		const output = await runNode(creds, { resource: 'session', operation: 'getConnectionToken' });
		expect(emu.calls[0].params).toEqual({ action: 'getConnectionToken', mode: 'normal' });
		expect(output).toHaveLength(1);
		expect(Object.keys(output[0].json)).toEqual(['auth_token']);
		const record = emu.store.authTokens.get(String(output[0].json.auth_token));
		expect(record).toMatchObject({ companyId: '550', used: false });
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('should leave the mode out when it is emptied', async () => {
		await runNode(creds, { resource: 'session', operation: 'getConnectionToken', mode: '' });
		expect(emu.calls[0].params).toEqual({ action: 'getConnectionToken' });
	});

	it('should return one token per item', async () => {
		const output = await runNode(creds, { resource: 'session', operation: 'getConnectionToken' }, { items: [{}, {}] });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json.auth_token).not.toBe(output[1].json.auth_token);
	});

	it('should explain error -28 for a token that belongs to no account', async () => {
		const appCreds = { ...creds, token: emu.appOnlyToken };
		const error = await failure(runNode(appCreds, { resource: 'session', operation: 'getConnectionToken' }), [
			emu.secret,
			emu.appOnlyToken,
		]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Factomos error -28 on getConnectionToken: Your Token is not associated with a Factomos account');
		expect(error.description).toContain('not associated with a Factomos account');
		expect(error.context.itemIndex).toBe(0);
	});

	it('should explain error -4 (daily quota)', async () => {
		emu.setQuota(0);
		await expectApiError({ resource: 'session', operation: 'getConnectionToken' }, 'getConnectionToken', -4, '500 API calls a day');
	});

	it('should explain error -3 (unknown token)', async () => {
		const error = await failure(runNode({ ...creds, token: 'nope' }, { resource: 'session', operation: 'getConnectionToken' }));
		expect(error.message).toBe('Factomos error -3 on getConnectionToken: Invalid Token');
	});
});

describe('session => create', () => {
	it('should open a session with the auth token and return its cookie', async () => {
		const authToken = await connectionToken();
		const output = await runNode(creds, { resource: 'session', operation: 'create', auth_token: authToken });
		const request = emu.requests.at(-1);
		expect(request).toMatchObject({ method: 'POST', path: `/api/session/create/${authToken}` });
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({ created: true, cookie: expect.stringMatching(/^PHPSESSID=[0-9a-f]+$/) });
		const sessionId = String(output[0].json.cookie).split('=')[1];
		expect(emu.store.sessions.get(sessionId)).toMatchObject({ companyId: '550', authToken });
		expect(emu.store.authTokens.get(authToken)?.used).toBe(true);
	});

	it('should take the auth token from the previous step', async () => {
		const authToken = await connectionToken();
		const output = await runNode(
			creds,
			{ resource: 'session', operation: 'create', auth_token: '={{ $json.auth_token }}' },
			{ items: [{ auth_token: authToken }] },
		);
		expect(emu.requests.at(-1)?.path).toBe(`/api/session/create/${authToken}`);
		expect(output[0].json.created).toBe(true);
	});

	it('should explain error -32 (invalid auth token)', async () => {
		await expectSessionError(
			{ resource: 'session', operation: 'create', auth_token: 'unknown-token' },
			'create',
			-32,
			'invalid or already used',
		);
	});

	it('should explain error -32 when an auth token is used twice', async () => {
		const authToken = await connectionToken();
		await runNode(creds, { resource: 'session', operation: 'create', auth_token: authToken });
		await expectSessionError({ resource: 'session', operation: 'create', auth_token: authToken }, 'create', -32, 'work only once');
	});

	it('should percent-encode an auth token with special characters in the URL path', async () => {
		await expectSessionError({ resource: 'session', operation: 'create', auth_token: 'a/b?c=1&d' }, 'create', -32, 'invalid');
		expect(emu.requests.at(-1)?.path).toBe('/api/session/create/a%2Fb%3Fc%3D1%26d');
	});

	it('should stop a missing auth token (-31) before calling Factomos', async () => {
		await expectSessionInputError({ resource: 'session', operation: 'create', auth_token: '  ' }, /^Auth Token is required/);
	});

	it('should reject an auth token with a line break before calling Factomos', async () => {
		await expectSessionInputError(
			{ resource: 'session', operation: 'create', auth_token: '={{ "abc\\ndef" }}' },
			/^Auth Token contains line breaks/,
		);
	});
});

describe('session => check', () => {
	it('should send the cookie and return the session user', async () => {
		const authToken = await connectionToken();
		const [session] = await runNode(creds, { resource: 'session', operation: 'create', auth_token: authToken });
		const output = await runNode(
			creds,
			{ resource: 'session', operation: 'check', cookie: '={{ $json.cookie }}' },
			{ items: [session.json] },
		);
		const request = emu.requests.at(-1);
		expect(request).toMatchObject({ method: 'GET', path: '/api/session/check' });
		expect(request?.headers.cookie).toBe(session.json.cookie);
		expect(output).toEqual([
			{
				json: { id: '568', username: 'contact@factomos.com', company_id: '550', app_domain: 'app.factomos.com' },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('should explain error -34 (no session)', async () => {
		await expectSessionError(
			{ resource: 'session', operation: 'check', cookie: 'PHPSESSID=0123456789abcdef' },
			'check',
			-34,
			'There is no session for this cookie',
		);
	});

	it('should reject a value that is not a cookie before calling Factomos', async () => {
		await expectSessionInputError({ resource: 'session', operation: 'check', cookie: 'just-a-token' }, /^Cookie is not a cookie/);
	});

	it('should require the cookie', async () => {
		await expectSessionInputError({ resource: 'session', operation: 'check', cookie: '' }, /^Cookie is required/);
	});
});

describe('session => delete', () => {
	it('should close the session opened with the auth token', async () => {
		const authToken = await connectionToken();
		const [session] = await runNode(creds, { resource: 'session', operation: 'create', auth_token: authToken });
		const output = await runNode(creds, { resource: 'session', operation: 'delete', auth_token: authToken });
		expect(emu.requests.at(-1)).toMatchObject({ method: 'POST', path: `/api/session/delete/${authToken}` });
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(emu.store.sessions.size).toBe(0);
		await expectSessionError({ resource: 'session', operation: 'check', cookie: String(session.json.cookie) }, 'check', -34, 'no session');
	});

	it('should explain error -32 for an auth token without a session', async () => {
		const authToken = await connectionToken();
		await expectSessionError({ resource: 'session', operation: 'delete', auth_token: authToken }, 'delete', -32, 'invalid');
	});

	it('should stop a missing auth token (-31) before calling Factomos', async () => {
		await expectSessionInputError({ resource: 'session', operation: 'delete', auth_token: '' }, /^Auth Token is required/);
	});

	it('should keep going on failure and keep pairedItem', async () => {
		const authToken = await connectionToken();
		await runNode(creds, { resource: 'session', operation: 'create', auth_token: authToken });
		const output = await runNode(
			creds,
			{ resource: 'session', operation: 'delete', auth_token: '={{ $json.token }}' },
			{ items: [{ token: 'unknown' }, { token: authToken }, { token: '' }], continueOnFail: true },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toMatchObject({ code: -32, apiMessage: 'Invalid auth_token' });
		expect(output[1].json).toEqual({ deleted: true });
		expect(output[2].json.error).toBe('Auth Token is required');
	});
});
