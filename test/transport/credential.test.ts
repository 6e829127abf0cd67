import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';

import { factomosApiTest } from '../../nodes/Factomos/methods/credentialTest';
import { FactomosEmulator } from '../emulator';
import { closedPort, expectNoCredentials } from './support';

async function testCredential(data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	return await factomosApiTest.call(new CredentialTestContext(), {
		id: '1',
		name: 'Factomos account',
		type: 'factomosApi',
		data,
	});
}

describe('transport => credential test', () => {
	const emu = new FactomosEmulator({ seed: true });
	let baseUrl = '';

	beforeAll(async () => {
		baseUrl = await emu.start();
	});
	afterAll(() => emu.stop());
	beforeEach(() => {
		emu.reset();
		emu.seed();
	});

	function expectError(result: INodeCredentialTestResult, pattern: RegExp, credentials: { token: string; secret: string }) {
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(pattern);
		expectNoCredentials(result, credentials);
		expectNoCredentials(result, emu);
	}

	it('should succeed with good credentials and make exactly one API call', async () => {
		const result = await testCredential({ token: emu.token, secret: emu.secret, baseUrl });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0]).toMatchObject({ action: 'listEmailTemplates', responseCode: 0 });
		expect(emu.violations).toEqual([]);
	});

	it('should accept a Base URL with a trailing slash or /api/api.php and a token with spaces', async () => {
		expect((await testCredential({ token: ` ${emu.token}\n`, secret: emu.secret, baseUrl: `${baseUrl}/` })).status).toBe('OK');
		expect((await testCredential({ token: emu.token, secret: emu.secret, baseUrl: `${baseUrl}/api/api.php` })).status).toBe('OK');
		expect(emu.calls).toHaveLength(2);
	});

	it.each([
		['Token', { token: '  ', secret: 'dummy-secret-16b' }],
		['Secret', { token: 'a-token', secret: '' }],
	])('should name an empty %s without making a call', async (label, credentials) => {
		const result = await testCredential({ ...credentials, baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`^The ${label} of the Factomos credential is empty\\. Fill in the ${label}`));
		expect(result.message).not.toContain(credentials.secret || credentials.token.trim());
		expect(emu.requests).toHaveLength(0);
	});

	it('should explain a wrong token', async () => {
		const wrong = { token: 'not-my-token', secret: emu.secret };
		const result = await testCredential({ ...wrong, baseUrl });
		expectError(result, /-3.*Invalid Token.*Check the Token/s, wrong);
		expect(emu.calls).toHaveLength(1);
	});

	it('should explain a wrong secret', async () => {
		const wrong = { token: emu.token, secret: 'dummy-not-secret' };
		const result = await testCredential({ ...wrong, baseUrl });
		expectError(result, /Secret .*probably wrong/, wrong);
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].responseCode).toBe(-5);
	});

	it('should explain a wrong secret when the server answers in clear', async () => {
		emu.setResponseMode('plain');
		const wrong = { token: emu.token, secret: 'dummy-not-secret' };
		const result = await testCredential({ ...wrong, baseUrl });
		expectError(result, /-5.*Secret .*probably wrong/s, wrong);
		expect(emu.calls).toHaveLength(1);
	});

	it('should explain an unreachable Base URL', async () => {
		const result = await testCredential({ token: emu.token, secret: emu.secret, baseUrl: `http://127.0.0.1:${await closedPort()}` });
		expectError(result, /Could not connect to Factomos.*Base URL/s, emu);
		expect(emu.calls).toHaveLength(0);
	});

	it('should explain an invalid Base URL without any request', async () => {
		const result = await testCredential({ token: emu.token, secret: emu.secret, baseUrl: 'app.factomos.com' });
		expectError(result, /not a valid URL.*https:\/\/app\.factomos\.com/s, emu);
		expect(emu.requests).toHaveLength(0);
	});

	it('should explain a Base URL that is not the Factomos API', async () => {
		const result = await testCredential({ token: emu.token, secret: emu.secret, baseUrl: `${baseUrl}/wrong` });
		expectError(result, /unexpected response \(HTTP 404\).*Base URL may be wrong/s, emu);
		expect(emu.requests).toHaveLength(1);
	});

	it('should explain an exhausted daily quota', async () => {
		emu.setQuota(0);
		const result = await testCredential({ token: emu.token, secret: emu.secret, baseUrl });
		expectError(result, /-4.*500 API calls a day/s, emu);
		expect(emu.calls).toHaveLength(1);
	});
});
