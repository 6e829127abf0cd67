import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { callFactomosApi, credentialTestHttp, FactomosFailure } from '../transport';

/**
 * A declarative credential test cannot decrypt the response, so it cannot tell a wrong secret
 * from a right one; this test makes one cheap encrypted call (listEmailTemplates) instead.
 */
export async function factomosApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	try {
		await callFactomosApi(
			credentialTestHttp(this),
			{ token: String(data.token ?? '').trim(), secret: String(data.secret ?? ''), baseUrl: String(data.baseUrl ?? '') },
			'listEmailTemplates',
			{},
			15_000,
		);
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		if (error instanceof FactomosFailure) {
			return { status: 'Error', message: `${error.message}. ${error.description}` };
		}
		return { status: 'Error', message: 'The credential test failed unexpectedly' };
	}
}
