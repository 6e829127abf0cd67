import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callSession } from '../../helpers/operation';
import { inputError } from '../../helpers/validation';
import { readToken } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Cookie',
		name: 'cookie',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'name=value',
		description: 'The Factomos session cookie, sent as the Cookie header',
		hint: 'A cookie you were given, or {{ $json.cookie }} from a previous Create Session step',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['check'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const cookie = readToken(this, itemIndex, 'cookie', 'Cookie');
	if (!/^[^=;\s]+=/.test(cookie)) {
		throw inputError(
			this,
			itemIndex,
			'Cookie',
			'is not a cookie',
			'Give it as name=value, as Create Session returned it in cookie.',
		);
	}
	const { json } = await callSession(this, itemIndex, 'check', cookie);
	return [(json.user as IDataObject) ?? {}];
}
