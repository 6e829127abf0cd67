import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';

const properties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'string',
		default: 'normal',
		description: 'Connection mode. The API documentation only describes "normal".',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['getConnectionToken'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, { mode: this.getNodeParameter('mode', itemIndex, 'normal') as string });
	const response = await callAction(this, itemIndex, 'getConnectionToken', params);
	return await shapeRecords(this, itemIndex, [{ auth_token: response.auth_token }]);
}
