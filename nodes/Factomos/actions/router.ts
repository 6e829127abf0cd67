import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { RESOURCES } from './resources';
import type { FactomosResource } from './node.type';

function errorJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeApiError).description;
	if (description) json.description = description;
	const response = (error as { errorResponse?: IDataObject }).errorResponse;
	if (response?.code !== undefined) json.code = response.code;
	if (response?.apiMessage !== undefined) json.apiMessage = response.apiMessage;
	return json;
}

/** Owns the item loop: one operation call per item, pairedItem on every output, continueOnFail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as FactomosResource;
			const operationName = this.getNodeParameter('operation', itemIndex) as string;
			const operation = RESOURCES[resource]?.operations[operationName];
			if (!operation) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operationName}" is not supported for resource "${resource}"`,
					{ itemIndex },
				);
			}
			const records = await operation.execute.call(this, itemIndex);
			for (const json of records) returnData.push({ json, pairedItem: { item: itemIndex } });
		} catch (caught) {
			const error =
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(this.getNode(), caught as Error, { itemIndex });
			if (this.continueOnFail()) {
				returnData.push({ json: errorJson(error), pairedItem: { item: itemIndex } });
				continue;
			}
			throw error;
		}
	}
	return [returnData];
}
