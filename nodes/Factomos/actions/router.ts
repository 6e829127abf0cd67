import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { recall, settle } from '../helpers/retryMemory';
import { toNodeError } from '../transport';
import { RESOURCES } from './resources';
import type { FactomosResource } from './node.type';

function errorDetails(error: Error): IDataObject {
	const details: IDataObject = {};
	const description = (error as NodeApiError).description;
	if (description) details.description = description;
	const response = (error as { errorResponse?: IDataObject }).errorResponse;
	if (response?.code !== undefined) details.code = response.code;
	if (response?.apiMessage !== undefined) details.apiMessage = response.apiMessage;
	return details;
}

/**
 * n8n sends an item to the error output only when `error` is its sole key (1.x also accepts
 * `error` + `message`), so there the fields go inside `error`; on the regular output they stay
 * beside it.
 */
function errorItem(context: IExecuteFunctions, error: Error, itemIndex: number): INodeExecutionData {
	const json =
		context.getNode().onError === 'continueErrorOutput'
			? { error: { message: error.message, ...errorDetails(error) } }
			: { error: error.message, ...errorDetails(error) };
	return { json, pairedItem: { item: itemIndex } };
}

async function runItem(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// A retry of this node run: never send again what an earlier try sent.
	const recalled = recall(context, itemIndex);
	if (recalled) {
		if ('error' in recalled) throw recalled.error;
		return recalled.records;
	}
	const resource = context.getNodeParameter('resource', itemIndex) as FactomosResource;
	const operationName = context.getNodeParameter('operation', itemIndex) as string;
	const operation = RESOURCES[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operationName}" is not supported for resource "${resource}"`,
			{ itemIndex },
		);
	}
	return await operation.execute.call(context, itemIndex);
}

/** Owns the item loop: one operation call per item, in order, pairedItem on every output, continueOnFail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const records = await runItem(this, itemIndex);
			settle(this, itemIndex, { records });
			for (const json of records) returnData.push({ json, pairedItem: { item: itemIndex } });
		} catch (caught) {
			const error = toNodeError(this, caught, itemIndex);
			settle(this, itemIndex, { error });
			if (this.continueOnFail()) {
				returnData.push(errorItem(this, error, itemIndex));
				continue;
			}
			throw error;
		}
	}
	return [returnData];
}
