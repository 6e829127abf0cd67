import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callSession } from '../../helpers/operation';
import { authTokenField, readToken } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['create'] } }, [
	{
		...authTokenField,
		hint: 'From Session → Get Connection Token; it works only once. Pass the returned cookie to Check Session.',
	},
]);

/** Opens a Factomos web session (SSO) and returns the cookies Factomos set, if any: §5 does not say how the session is carried. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const authToken = readToken(this, itemIndex, 'auth_token', 'Auth Token');
	const { cookie } = await callSession(this, itemIndex, 'create', authToken);
	return [{ created: true, cookie: cookie ?? null }];
}
