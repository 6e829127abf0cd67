import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import type { FormParams } from '../transport/codec';
import { type FactomosAction, isIdempotent } from '../transport/errors';
import {
	DEFAULT_TIMEOUT_MS,
	factomosApiRequest,
	factomosSessionRequest,
	getDocumentBaseUrl,
	type SessionCall,
	type SessionResult,
	toNodeError,
} from '../transport';
import { shapeOutput, simplifyOutput, type SimpleFields } from './output';
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

/**
 * Get Many output: with Simplify (on by default from node version 1.1, absent before) the
 * documented field set of `fields`, otherwise the API's records as `shapeRecords` gives them.
 */
export async function shapeList(
	context: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
	fields: SimpleFields,
): Promise<IDataObject[]> {
	if (!(context.getNodeParameter('simplify', itemIndex, false) as boolean)) {
		return await shapeRecords(context, itemIndex, records);
	}
	const baseUrl = await getDocumentBaseUrl(context);
	return records.map((record) => simplifyOutput(record, fields, baseUrl));
}

/** How to read back what Create or Update saved. */
export interface DocumentRead {
	action: 'getInvoice' | 'getEstimate';
	idParam: 'invoice_id' | 'estimate_id';
	/** The key of the document in the read's answer. */
	field: 'invoice' | 'estimate';
	/** The saved document's ID; by default the one in the write's answer. */
	id?: unknown;
}

/**
 * Create and Update answer with IDs, number and key only. With Return Full Document on, one more
 * call reads the saved document (lines, totals); its fields are added to the answer's, which stay.
 * The write already happened, so a failed read is reported in the output instead of failing the item.
 */
export async function withFullDocument(
	context: IExecuteFunctions,
	itemIndex: number,
	saved: IDataObject,
	read: DocumentRead,
): Promise<IDataObject> {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.returnFullDocument !== true) return saved;
	const id = read.id ?? saved[read.idParam];
	if (typeof id !== 'string' && typeof id !== 'number') {
		return { ...saved, full_document_error: { message: `Factomos did not return the ${read.idParam}` } };
	}
	try {
		const response = await callAction(context, itemIndex, read.action, { [read.idParam]: String(id) });
		return { ...saved, ...((response[read.field] as IDataObject) ?? {}) };
	} catch (caught) {
		const error = toNodeError(context, caught, itemIndex);
		const code = (error as NodeApiError).errorResponse?.code;
		return { ...saved, full_document_error: { message: error.message, ...(code !== undefined ? { code } : {}) } };
	}
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
