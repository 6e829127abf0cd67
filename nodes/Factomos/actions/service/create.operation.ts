import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkEnum, checkParams } from '../../helpers/validation';

const SERVICE_CATEGORIES = ['services', 'produits'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'service_name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the service or product',
	},
	{
		displayName: 'Price',
		name: 'price',
		// Text, so it stays empty until set: a forgotten price must stop the item, not create a free service.
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 150 or 12,50',
		description: 'Unit price before VAT; a decimal point or a decimal comma both work. 0 is accepted when typed.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				options: [
					{ name: 'Products', value: 'produits' },
					{ name: 'Services', value: 'services' },
				],
				default: 'services',
				description: 'Whether this is a service or a product',
			},
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 2 }, default: '' },
			{
				displayName: 'Unit',
				name: 'unit',
				type: 'string',
				default: '',
				placeholder: 'e.g. jour',
				description: 'Unit the price applies to, e.g. jour (day), heure (hour), mois (month)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, ['service_name', 'price'], 'additionalFields');
	if (fields.category !== undefined) checkEnum(this, itemIndex, 'Category', fields.category, SERVICE_CATEGORIES);
	const params = checkParams(this, itemIndex, fields, ['service_name', 'price']);
	const response = await callAction(this, itemIndex, 'createService', params);
	return await shapeRecords(this, itemIndex, [response]);
}
