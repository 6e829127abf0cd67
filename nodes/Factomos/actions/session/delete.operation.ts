import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callSession } from '../../helpers/operation';
import { authTokenField, readToken } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['delete'] } }, [
	{
		...authTokenField,
		description: 'The auth token the session was created with',
		hint: 'Use the same auth token as in Create Session',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const authToken = readToken(this, itemIndex, 'auth_token', 'Auth Token');
	await callSession(this, itemIndex, 'delete', authToken);
	return [{ deleted: true }];
}
