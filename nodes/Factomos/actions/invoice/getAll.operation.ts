import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, shapeRecords } from '../../helpers/operation';
import { fetchRowPages } from '../../helpers/pagination';
import { checkEnum } from '../../helpers/validation';
import { returnAllFields } from '../common.descriptions';
import { INVOICE_STATUSES, statusField } from './fields';

/** listInvoice answers -41 when page_index is past the last invoice. */
const PAGE_INDEX_BEYOND_END = -41;

const properties: INodeProperties[] = [statusField, ...returnAllFields];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const status = checkEnum(
		this,
		itemIndex,
		'Status',
		this.getNodeParameter('invoice_status', itemIndex, ''),
		INVOICE_STATUSES,
	);
	const invoices = await fetchRowPages(
		this,
		itemIndex,
		async (pageIndex) => {
			const response = await callAction(this, itemIndex, 'listInvoice', {
				invoice_status: status,
				page_index: pageIndex,
			});
			const pagination = (response.pagination as IDataObject) ?? {};
			return {
				records: Array.isArray(response.invoices) ? (response.invoices as IDataObject[]) : [],
				first: pagination.first_row,
				last: pagination.last_row,
				total: pagination.total_invoices,
			};
		},
		PAGE_INDEX_BEYOND_END,
	);
	return await shapeRecords(this, itemIndex, invoices);
}
