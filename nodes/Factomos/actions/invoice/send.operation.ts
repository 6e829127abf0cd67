import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { emailTemplateLocator, idField } from '../common.descriptions';

const properties: INodeProperties[] = [
	idField('invoice_id', 'Invoice ID'),
	{
		...emailTemplateLocator(),
		hint: "Leave empty to use the account's default invoice email template",
	},
	{
		displayName: 'Recipient Email',
		name: 'email_to',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Email address to send the invoice to',
		hint: "Leave empty to send it to the client's email address",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['send'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, ['invoice_id', 'email_template_id', 'email_to']);
	const params = checkParams(this, itemIndex, fields, ['invoice_id']);
	await callAction(this, itemIndex, 'sendInvoice', params);
	return await shapeRecords(this, itemIndex, [{ invoice_id: params.invoice_id, sent: true }]);
}
