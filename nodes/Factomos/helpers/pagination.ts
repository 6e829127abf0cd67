import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** Applies Return All / Limit to a list the API returns in one response. */
export function takeLimit(context: IExecuteFunctions, itemIndex: number, records: IDataObject[]): IDataObject[] {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return records;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	return records.slice(0, limit);
}
