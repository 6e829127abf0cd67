import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { inBatches, readBatching, SEQUENTIAL } from '../helpers/batching';
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

/** Single-record reads: items may run side by side, since each is one call that changes nothing. */
const READS_ACROSS_ITEMS = new Set(['get', 'getEmailHistory']);

async function runItem(
	context: IExecuteFunctions,
	itemIndex: number,
	resource: FactomosResource,
	operationName: string,
): Promise<IDataObject[]> {
	// A retry of this node run: never send again what an earlier try sent.
	const recalled = recall(context, itemIndex);
	if (recalled) {
		if ('error' in recalled) throw recalled.error;
		return recalled.records;
	}
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

/**
 * Owns the item loop: one operation call per item, pairedItem on every output, continueOnFail.
 * Writes run one item after the other, in item order (invoice numbers must be chronological);
 * single-record reads keep up to the Batching option's number of calls waiting at once, and their
 * outcomes are still taken in item order.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	if (items.length === 0) return [returnData];
	// Neither accepts an expression, so one read serves every item.
	const resource = this.getNodeParameter('resource', 0) as FactomosResource;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const batching = READS_ACROSS_ITEMS.has(operationName) && items.length > 1 ? readBatching(this, 0) : SEQUENTIAL;
	await inBatches(
		items.length,
		batching,
		async (itemIndex) => await runItem(this, itemIndex, resource, operationName),
		(outcome, itemIndex) => {
			if (outcome.status === 'fulfilled') {
				settle(this, itemIndex, { records: outcome.value });
				for (const json of outcome.value) returnData.push({ json, pairedItem: { item: itemIndex } });
				return true;
			}
			const error = toNodeError(this, outcome.reason, itemIndex);
			settle(this, itemIndex, { error });
			if (!this.continueOnFail()) throw error;
			returnData.push(errorItem(this, error, itemIndex));
			return true;
		},
	);
	return [returnData];
}
