import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, shapeRecords } from '../../helpers/operation';
import { returnAllFields } from '../common.descriptions';
import { takeLimit } from '../../helpers/pagination';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Search Keyword',
		name: 'search_keyword',
		type: 'string',
		default: '',
		description: 'Only return the contacts Factomos finds for this keyword (the documentation does not say which fields it searches)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const keyword = String(this.getNodeParameter('search_keyword', itemIndex, '')).trim();
	const response = await callAction(this, itemIndex, 'listClient', keyword ? { search_keyword: keyword } : {});
	const clients = takeLimit(this, itemIndex, (response.clients as IDataObject[]) ?? []);
	return await shapeRecords(this, itemIndex, clients);
}
