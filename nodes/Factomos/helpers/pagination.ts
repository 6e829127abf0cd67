import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import { toNodeError } from '../transport';
import { inputError } from './validation';

/** Applies Return All / Limit to a list the API returns in one response. */
export function takeLimit(context: IExecuteFunctions, itemIndex: number, records: IDataObject[]): IDataObject[] {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return records;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	return records.slice(0, limit);
}

/** One page of a list the API pages by row index, with the response's own row counters. */
export interface RowPage {
	records: IDataObject[];
	/** Index of the page's first row, e.g. pagination.first_row. */
	first?: unknown;
	/** Index of the page's last row, e.g. pagination.last_row. */
	last?: unknown;
	/** Number of rows in the whole list, e.g. pagination.total_invoices. */
	total?: unknown;
}

const ROW_PAGE_SIZE = 50;

/** Factomos sends these counters as numbers or numeric strings. */
function rowNumber(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '' || typeof value === 'boolean') return undefined;
	const number = Number(value);
	return Number.isInteger(number) && number >= 0 ? number : undefined;
}

/** Return All / Limit as a number of records (Infinity for all); rejects a Limit below 1. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw inputError(context, itemIndex, 'Limit', `is invalid: "${String(limit)}"`, 'Limit must be a whole number of at least 1.');
	}
	return limit;
}

/**
 * Walks a list paged by first-row index (page_index 0, 50, 100…). Every page costs one call of
 * the daily quota, so it stops as soon as Limit is reached or the total is covered.
 * `beyondEndCode` is the API's "page index past the end" error: on a later page it means rows
 * vanished between calls, which simply ends the list.
 * `keep` filters rows while paging, so Limit counts kept rows and paging stops once it is met.
 * `limit` replaces Return All / Limit, e.g. with what is still wanted after earlier lists.
 */
export async function fetchRowPages(
	context: IExecuteFunctions,
	itemIndex: number,
	fetchPage: (pageIndex: number) => Promise<RowPage>,
	beyondEndCode: number,
	keep?: (record: IDataObject) => boolean,
	limit = readLimit(context, itemIndex),
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	let pageIndex = 0;
	while (records.length < limit) {
		let page: RowPage;
		try {
			page = await fetchPage(pageIndex);
		} catch (error) {
			if (pageIndex > 0 && (error as NodeApiError).errorResponse?.code === beyondEndCode) break;
			throw toNodeError(context, error, itemIndex);
		}
		records.push(...(keep ? page.records.filter(keep) : page.records));
		const first = rowNumber(page.first) ?? pageIndex;
		const next = (rowNumber(page.last) ?? first + page.records.length - 1) + 1;
		const total = rowNumber(page.total);
		const more = total !== undefined ? next < total : page.records.length >= ROW_PAGE_SIZE;
		// A page that does not move forward would loop forever.
		if (!more || page.records.length === 0 || next <= pageIndex) break;
		pageIndex = next;
	}
	return records.slice(0, limit);
}
