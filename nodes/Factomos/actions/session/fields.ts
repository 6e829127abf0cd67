import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../helpers/validation';

export const authTokenField: INodeProperties = {
	displayName: 'Auth Token',
	name: 'auth_token',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description: 'A single-use authentication token',
	hint: 'Get one with Session → Get Connection Token (or from Account → Create); each token works only once',
};

/** Reads a required text parameter that goes into a URL path or a header, so it must be one clean token. */
export function readToken(context: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') {
		throw inputError(context, itemIndex, label, 'is required', `Set a value for ${label}.`);
	}
	if ([...value].some((char) => char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127)) {
		throw inputError(
			context,
			itemIndex,
			label,
			'contains line breaks or control characters',
			`Give the ${label} exactly as Factomos returned it.`,
		);
	}
	return value;
}
