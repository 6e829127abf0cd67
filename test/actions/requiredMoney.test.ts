import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { useActionEmulator } from '../helpers/actions';
import { factomosNode, runNode } from '../helpers/n8n';

/**
 * Required amounts and payment types have no default that passes validation: left as the UI
 * leaves them, they stop the item before any call; a typed 0 is an amount like any other.
 */

const { env, expectInputError } = useActionEmulator();

const supplier = { __rl: true, mode: 'id', value: '1003' };

interface Place {
	resource: string;
	operation: string;
	field: string;
	/** The error the UI's label gives. */
	message: RegExp;
	/** Every other required field, set. */
	others: INodeParameters;
	/** A valid value for the field. */
	value: string;
}

const PLACES: Place[] = [
	{ resource: 'service', operation: 'create', field: 'price', message: /^Price is required/, others: { service_name: 'Audit' }, value: '0' },
	{ resource: 'payment', operation: 'create', field: 'montant', message: /^Amount is required/, others: { invoice_id: '5001', type: 'cb' }, value: '0' },
	{ resource: 'payment', operation: 'create', field: 'type', message: /^Type is required/, others: { invoice_id: '5001', montant: '10' }, value: 'cb' },
	{
		resource: 'expense',
		operation: 'create',
		field: 'amount',
		message: /^Amount is required/,
		others: { supplier_id: supplier, payment_type: 'cb' },
		value: '0',
	},
	{
		resource: 'expense',
		operation: 'create',
		field: 'payment_type',
		message: /^Payment Type is required/,
		others: { supplier_id: supplier, amount: '10' },
		value: 'cb',
	},
	{
		resource: 'expense',
		operation: 'update',
		field: 'amount',
		message: /^Amount is required/,
		others: { expense_id: '9001', supplier_id: supplier, payment_type: 'cb' },
		value: '0',
	},
	{
		resource: 'expense',
		operation: 'update',
		field: 'payment_type',
		message: /^Payment Type is required/,
		others: { expense_id: '9001', supplier_id: supplier, amount: '10' },
		value: 'cb',
	},
];

function displayedField(place: Place): INodeProperties | undefined {
	return factomosNode.description.properties.find(
		(property) =>
			property.name === place.field &&
			property.displayOptions?.show?.resource?.includes(place.resource) &&
			property.displayOptions?.show?.operation?.includes(place.operation),
	);
}

describe.each(PLACES)('$resource => $operation', (place) => {
	it(`should show ${place.field} empty and required until the user sets it`, () => {
		const field = displayedField(place);
		expect(field).toMatchObject({ required: true, default: '' });
	});

	it(`should stop the ${place.field} left as the UI leaves it, before any call`, async () => {
		await expectInputError({ resource: place.resource, operation: place.operation, ...place.others }, place.message);
	});

	it(`should send the ${place.field} the user set, ${place.value} included`, async () => {
		await runNode(env.creds, { resource: place.resource, operation: place.operation, ...place.others, [place.field]: place.value });
		expect(env.emu.calls).toHaveLength(1);
		expect(env.emu.calls[0].params[place.field]).toBe(place.value);
		expect(env.emu.calls[0].responseCode).toBe(0);
	});
});
