import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkEnum, checkParams } from '../../helpers/validation';
import { idField } from '../common.descriptions';
import { PARTNER_HINT, SUBSCRIPTION_STATUSES } from './fields';

const properties: INodeProperties[] = [
	idField('company_id', 'Account ID', PARTNER_HINT),
	{
		displayName: 'Subscription Status',
		name: 'subscription_status',
		type: 'options',
		required: true,
		options: [
			{ name: 'Active', value: 'active', description: 'The account works normally' },
			{ name: 'Blocked', value: 'blocked', description: 'The user can no longer use the account' },
			{ name: 'Read-Only', value: 'readonly', description: 'The user can see but not change data' },
		],
		default: 'active',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['updateStatus'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, ['company_id', 'subscription_status']);
	const params = checkParams(this, itemIndex, fields, ['company_id']);
	params.subscription_status = checkEnum(
		this,
		itemIndex,
		'Subscription Status',
		fields.subscription_status,
		SUBSCRIPTION_STATUSES,
	);
	await callAction(this, itemIndex, 'updateAccount', params);
	return await shapeRecords(this, itemIndex, [{ ...params, updated: true }]);
}
