import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FormParams } from '../transport/codec';
import { type FactomosAction, isIdempotent } from '../transport/errors';
import {
	DEFAULT_TIMEOUT_MS,
	factomosApiRequest,
	factomosSessionRequest,
	getDocumentBaseUrl,
	type SessionCall,
	type SessionResult,
} from '../transport';
import { shapeOutput } from './output';
import { noteWrite } from './retryMemory';

/** Shared plumbing for operation files: options, the API call and output shaping. */

interface NodeOptions {
	timeout: number;
	convertNumericStrings: boolean;
}

/** Options by node run and item: read and parsed once per item, though several helpers ask. */
const optionsByRun = new WeakMap<IExecuteFunctions, Map<number, NodeOptions>>();

function readNodeOptions(context: IExecuteFunctions, itemIndex: number): NodeOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeout = Number(options.timeout ?? DEFAULT_TIMEOUT_MS);
	return {
		timeout: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
		convertNumericStrings: options.convertNumericStrings === true,
	};
}

export function getNodeOptions(context: IExecuteFunctions, itemIndex: number): NodeOptions {
	let byItem = optionsByRun.get(context);
	if (!byItem) {
		byItem = new Map();
		optionsByRun.set(context, byItem);
	}
	let options = byItem.get(itemIndex);
	if (!options) {
		options = readNodeOptions(context, itemIndex);
		byItem.set(itemIndex, options);
	}
	return options;
}

/** Tells the retry memory when a state-changing request may have reached Factomos. */
async function send<T>(context: IExecuteFunctions, itemIndex: number, action: string, request: () => Promise<T>): Promise<T> {
	if (isIdempotent(action)) return await request();
	noteWrite(context, itemIndex, 'sending');
	const result = await request();
	noteWrite(context, itemIndex, 'answered');
	return result;
}

export async function callAction(
	context: IExecuteFunctions,
	itemIndex: number,
	action: FactomosAction,
	params: FormParams,
): Promise<IDataObject> {
	const { timeout } = getNodeOptions(context, itemIndex);
	return await send(context, itemIndex, action, async () =>
		await factomosApiRequest.call(context, action, params, { itemIndex, timeout }),
	);
}

/** The SSO endpoints' counterpart of callAction, with the same timeout option and item index. */
export async function callSession(
	context: IExecuteFunctions,
	itemIndex: number,
	call: SessionCall,
	value: string,
): Promise<SessionResult> {
	const { timeout } = getNodeOptions(context, itemIndex);
	return await send(context, itemIndex, `session ${call}`, async () =>
		await factomosSessionRequest.call(context, call, value, { itemIndex, timeout }),
	);
}

/** Output records as n8n users expect them: document links added, numbers converted on request. */
export async function shapeRecords(
	context: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
): Promise<IDataObject[]> {
	const { convertNumericStrings } = getNodeOptions(context, itemIndex);
	const baseUrl = await getDocumentBaseUrl(context);
	return records.map((record) => shapeOutput(record, { baseUrl, convertNumericStrings }));
}

/** Reads a parameter, unwrapping resource locators to their value. */
export function getValue(context: IExecuteFunctions, name: string, itemIndex: number): unknown {
	return context.getNodeParameter(name, itemIndex, '', { extractValue: true });
}

/** Reads the named fields and an optional collection into wire parameters. */
export function readFields(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: string[],
	collection?: string,
): IDataObject {
	const params: IDataObject = {};
	for (const name of fields) params[name] = getValue(context, name, itemIndex) as IDataObject[string];
	if (collection) {
		const extra = context.getNodeParameter(collection, itemIndex, {}) as IDataObject;
		for (const [name, value] of Object.entries(extra)) {
			params[name] =
				value && typeof value === 'object' && '__rl' in value ? (value as IDataObject).value : value;
		}
	}
	return params;
}
