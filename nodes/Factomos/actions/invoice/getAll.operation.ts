import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeList } from '../../helpers/operation';
import type { SimpleFields } from '../../helpers/output';
import { fetchRowPages, readLimit } from '../../helpers/pagination';
import { checkEnum, checkParams, inputError } from '../../helpers/validation';
import { clientLocator, returnAllFields, simplifyField } from '../common.descriptions';
import { ALL_STATUSES, INVOICE_STATUSES, STATUS_NAMES, statusesField, statusField } from './fields';

/** listInvoice answers -41 when page_index is past the last invoice. */
const PAGE_INDEX_BEYOND_END = -41;

const properties: INodeProperties[] = [
	statusField,
	statusesField,
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				...clientLocator('client_id', false),
				description: "Only this client's invoices",
				hint: 'Applied while paging: Factomos has no client filter, so every page read still costs one API call',
			},
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getAll'] } },
	properties,
);

/** Simplify's fields; the README lists them. */
export const SIMPLE_FIELDS: SimpleFields = {
	id: ['id', 'id'],
	number: ['invoice_formated_number', 'text'],
	type: ['invoice_type', 'text'],
	status: ['invoice_status', STATUS_NAMES],
	status_code: ['invoice_status', 'text'],
	client_id: ['client_id', 'id'],
	client_name: ['client_company_name', 'text'],
	date: ['unix_timestamp', 'parisDate'],
	due_date: ['payment_term_fr', 'frenchDate'],
	total_without_vat: ['figures_total_withoutvat', 'number'],
	total_vat: ['figures_total_vat', 'number'],
	total_with_vat: ['figures_total_withvat', 'number'],
	amount_paid: ['figures_paid', 'number'],
	amount_due: ['figures_due', 'number'],
	estimate_id: ['estimate_id', 'id'],
	recurring: ['is_recurring', 'boolean'],
};

/** The statuses to list, in the order chosen (all: the documentation's order), each once. */
function readStatuses(context: IExecuteFunctions, itemIndex: number): string[] {
	if (context.getNode().typeVersion < 1.1) {
		return [checkEnum(context, itemIndex, 'Status', context.getNodeParameter('invoice_status', itemIndex, ''), INVOICE_STATUSES)];
	}
	const chosen = context.getNodeParameter('invoiceStatuses', itemIndex, []) as unknown;
	const values = (Array.isArray(chosen) ? chosen : [chosen]).map((value) =>
		checkEnum(context, itemIndex, 'Statuses', value, [ALL_STATUSES, ...INVOICE_STATUSES]),
	);
	if (values.length === 0) {
		throw inputError(context, itemIndex, 'Statuses', 'is empty', 'Choose at least one status, or All Statuses.');
	}
	return values.includes(ALL_STATUSES) ? [...INVOICE_STATUSES] : [...new Set(values)];
}

/**
 * Factomos lists one status per call series, so each status is paged on its own, in turn, until
 * Limit invoices are kept: a status is never asked for once Limit is met.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const statuses = readStatuses(this, itemIndex);
	const { client_id: clientId } = checkParams(this, itemIndex, readFields(this, itemIndex, [], 'filters'));
	const limit = readLimit(this, itemIndex);
	// An invoice whose status changes while paging could show up in two lists.
	const seen = new Set<string>();
	const keep = (invoice: IDataObject) => {
		if (clientId !== undefined && String(invoice.client_id) !== String(clientId)) return false;
		// Without an id there is nothing to compare, and no row is dropped.
		if (invoice.id === undefined || invoice.id === null || invoice.id === '') return true;
		const id = String(invoice.id);
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	};
	const invoices: IDataObject[] = [];
	for (const status of statuses) {
		if (invoices.length >= limit) break;
		const page = await fetchRowPages(
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
			keep,
			limit - invoices.length,
		);
		invoices.push(...page);
	}
	return await shapeList(this, itemIndex, invoices, SIMPLE_FIELDS);
}
