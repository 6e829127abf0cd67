import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { emailTemplateLocator, idField } from '../common.descriptions';

const properties: INodeProperties[] = [
	idField('invoice_id', 'Invoice ID'),
	{
		...emailTemplateLocator(),
		hint: 'When empty, no template is sent and Factomos picks one (the documentation does not say which)',
	},
	{
		displayName: 'Recipient Email',
		name: 'email_to',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Email address to send the invoice to',
		hint: 'When empty, no recipient is sent and Factomos picks one (the documentation does not say whom)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['send'] } },
	properties,
);

/** The template's name as the picker saved it; not for IDs typed or built by an expression. */
function pickedTemplateName(context: IExecuteFunctions): string | undefined {
	const saved = context.getNode().parameters.email_template_id as IDataObject | undefined;
	if (saved?.mode !== 'list' || String(saved.value ?? '').startsWith('=')) return undefined;
	const name = saved.cachedResultName;
	return typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * Factomos answers with no data, so from node version 1.1 the output says what was sent. A null recipient or template
 * means none was sent and Factomos chose (the documentation does not say what).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = readFields(this, itemIndex, ['invoice_id', 'email_template_id', 'email_to']);
	const params = checkParams(this, itemIndex, fields, ['invoice_id']);
	const templateName = params.email_template_id !== undefined ? pickedTemplateName(this) : undefined;
	await callAction(this, itemIndex, 'sendInvoice', params);
	// Version-1 nodes output what they always did.
	if (this.getNode().typeVersion < 1.1) {
		return await shapeRecords(this, itemIndex, [{ invoice_id: params.invoice_id, sent: true }]);
	}
	return await shapeRecords(this, itemIndex, [
		{
			invoice_id: params.invoice_id,
			sent: true,
			email_to: (params.email_to as string | undefined) ?? null,
			email_template_id: (params.email_template_id as string | undefined) ?? null,
			...(templateName ? { email_template_name: templateName } : {}),
		},
	]);
}
