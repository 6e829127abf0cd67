import type { INodeProperties } from 'n8n-workflow';

import { loadBuiltDescription } from '../helpers/built';

/**
 * Walks the BUILT node (dist/, what n8n loads) and checks that every documented operation is
 * reachable. The expected list is written from the spec (factomos-api-v1.31.md), not from the node.
 */
const SPEC_OPERATIONS: Array<[resource: string, operation: string, wireAction: string | null]> = [
	['account', 'create', 'createAccount'],
	['account', 'delete', 'deleteAccount'],
	['account', 'updateStatus', 'updateAccount'],
	['account', 'getAuthorizationUrl', null],
	['session', 'getConnectionToken', 'getConnectionToken'],
	['session', 'create', null],
	['session', 'delete', null],
	['session', 'check', null],
	['client', 'getAll', 'listClient'],
	['client', 'get', 'getClient'],
	['client', 'create', 'createClient'],
	['client', 'update', 'editClient'],
	['service', 'getAll', 'listService'],
	['service', 'get', 'getService'],
	['service', 'create', 'createService'],
	['invoice', 'create', 'createInvoice'],
	['invoice', 'get', 'getInvoice'],
	['invoice', 'getAll', 'listInvoice'],
	['invoice', 'update', 'editInvoice'],
	['invoice', 'send', 'sendInvoice'],
	['invoice', 'getEmailHistory', 'getInvoiceMailHistory'],
	['invoice', 'createCreditNote', 'createCreditNote'],
	['estimate', 'create', 'createEstimate'],
	['estimate', 'get', 'getEstimate'],
	['estimate', 'convertToInvoice', 'transformEstimate'],
	['estimate', 'buildPrefilledForm', null],
	['payment', 'create', 'createPayment'],
	['payment', 'update', 'editPayment'],
	['payment', 'deleteAll', 'deleteAllPayments'],
	['expense', 'create', 'createExpense'],
	['expense', 'update', 'editExpense'],
	['expense', 'get', 'getExpense'],
	['emailTemplate', 'getAll', 'listEmailTemplates'],
];

/** The 28 /api/api.php actions of the spec's table of contents (sections 2 to 33). */
const SPEC_ACTIONS = [
	'createAccount', 'deleteAccount', 'updateAccount', 'getConnectionToken', 'listClient', 'getClient',
	'createClient', 'editClient', 'listService', 'getService', 'createService', 'createInvoice', 'getInvoice',
	'listInvoice', 'editInvoice', 'sendInvoice', 'getInvoiceMailHistory', 'listEmailTemplates',
	'createPayment', 'editPayment', 'deleteAllPayments', 'createExpense', 'editExpense', 'getExpense',
	'getEstimate', 'createEstimate', 'transformEstimate', 'createCreditNote',
];

const description = loadBuiltDescription();
const properties = description.properties;

function operationsOf(resource: string): INodeProperties['options'] {
	const field = properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	return field?.options ?? [];
}

describe('node => description', () => {
	it('should map every documented action to exactly one operation', () => {
		const mapped = SPEC_OPERATIONS.map(([, , action]) => action).filter(Boolean);
		expect([...mapped].sort()).toEqual([...SPEC_ACTIONS].sort());
	});

	it.each(SPEC_OPERATIONS)('should expose %s => %s with an action label', (resource, operation) => {
		const option = (operationsOf(resource) as Array<{ value: string; action?: string }>).find(
			(o) => o.value === operation,
		);
		expect(option).toBeDefined();
		expect(option?.action).toMatch(/^[A-Z][a-z]/);
	});

	it('should list every resource in the Resource dropdown, sorted, without data expressions', () => {
		const resource = properties.find((p) => p.name === 'resource');
		const names = (resource?.options as Array<{ name: string; value: string }>).map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		const values = new Set(SPEC_OPERATIONS.map(([r]) => r));
		expect(new Set((resource?.options as Array<{ value: string }>).map((o) => o.value))).toEqual(values);
		expect(resource?.noDataExpression).toBe(true);
	});

	it('should give each Operation dropdown noDataExpression and sorted options', () => {
		const dropdowns = properties.filter((p) => p.name === 'operation');
		expect(dropdowns).toHaveLength(9);
		for (const dropdown of dropdowns) {
			expect(dropdown.noDataExpression).toBe(true);
			const names = (dropdown.options as Array<{ name: string }>).map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('should follow n8n conventions for a usable, documented node', () => {
		expect(description.usableAsTool).toEqual({ replacements: { description: expect.stringContaining('500') } });
		expect(description.subtitle).toContain('operation');
		expect(description.credentials).toEqual([
			expect.objectContaining({ name: 'factomosApi', required: true, testedBy: 'factomosApiTest' }),
		]);
		expect(description.icon).toEqual({ light: 'file:factomos.svg', dark: 'file:factomos.dark.svg' });
	});

	it('should only show each field for operations that exist', () => {
		const known = new Set(SPEC_OPERATIONS.map(([r, o]) => `${r}:${o}`));
		for (const property of properties) {
			const show = property.displayOptions?.show;
			if (!show?.operation || !show.resource) continue;
			for (const resource of show.resource as string[]) {
				for (const operation of show.operation as string[]) {
					expect(known).toContain(`${resource}:${operation}`);
				}
			}
		}
	});
});

describe('node => line entry', () => {
	const lines = properties.filter((p) => p.name === 'lines');
	const valuesOf = (property: INodeProperties) =>
		(property.options as Array<{ values: INodeProperties[] }>)[0].values;

	const versionOf = (property: INodeProperties) =>
		(property.displayOptions?.show?.['@version'] as unknown[]).includes(1) ? 1 : 1.1;
	const forVersion = (version: number) => lines.filter((property) => versionOf(property) === version);

	it('should list a version-1.1 line\'s fields in the order a person fills an invoice line', () => {
		// Invoice Create and Update, Estimate Create: one list per version each.
		expect(forVersion(1)).toHaveLength(3);
		expect(forVersion(1.1)).toHaveLength(3);
		for (const property of forVersion(1.1)) {
			expect(valuesOf(property).map((field) => field.displayName)).toEqual([
				'Service Name or ID',
				'Description',
				'Quantity',
				'Unit Price',
			]);
			// A title line is the service ID 75 of §17: Quantity and Unit Price hide for it.
			for (const name of ['quantity', 'price']) {
				const field = valuesOf(property).find((value) => value.name === name)!;
				expect(field.displayOptions).toEqual({ hide: { serviceId: ['75'] } });
			}
		}
	});

	it('should keep version 1\'s five line fields, in the alphabetical order n8n\'s lint asks of five or more', () => {
		for (const property of forVersion(1)) {
			const names = valuesOf(property).map((field) => field.displayName);
			expect(names).toEqual(['Description', 'Quantity', 'Service Name or ID', 'Title Line', 'Unit Price']);
			expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
		}
	});

	it('should make Quantity and Unit Price the same kind of field, which takes a decimal comma', () => {
		for (const property of lines) {
			const field = (name: string) => valuesOf(property).find((value) => value.name === name)!;
			expect([field('quantity').type, field('price').type]).toEqual(['string', 'string']);
			expect(field('quantity').default).toBe('1');
			expect(field('price').default).toBe('');
			expect(field('price').placeholder).toContain(',');
		}
	});

	it('should not flag the empty service of a new line as an unsupported value', () => {
		for (const property of lines) {
			const service = valuesOf(property).find((value) => value.name === 'serviceId')!;
			expect(service.default).toBe('');
			expect(service.allowArbitraryValues).toBe(true);
		}
	});

	it('should type every money amount, rate and quantity field as text, so a decimal comma can be typed', () => {
		const numberFields: string[] = [];
		const walk = (list: INodeProperties[]) => {
			for (const property of list) {
				if (property.type === 'number') numberFields.push(property.name);
				if (property.type === 'collection') walk(property.options as INodeProperties[]);
				if (property.type === 'fixedCollection') {
					for (const option of property.options as Array<{ values: INodeProperties[] }>) walk(option.values);
				}
			}
		};
		walk(properties);
		// Only whole numbers remain number inputs: the item limit, the timeout and batching's size and interval in milliseconds.
		expect([...new Set(numberFields)].sort()).toEqual(['batchInterval', 'batchSize', 'limit', 'timeout']);
	});
});
