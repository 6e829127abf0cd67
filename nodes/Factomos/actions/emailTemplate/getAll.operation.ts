import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, shapeList } from '../../helpers/operation';
import type { SimpleFields } from '../../helpers/output';
import { takeLimit } from '../../helpers/pagination';
import { returnAllFields, simplifyField } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['emailTemplate'], operation: ['getAll'] } },
	[...returnAllFields, simplifyField],
);

/** Simplify's fields; the README lists them. */
export const SIMPLE_FIELDS: SimpleFields = {
	id: ['id', 'id'],
	name: ['template_name', 'text'],
	type: ['template_type', 'text'],
	subject: ['template_subject', 'text'],
	message: ['template_message', 'text'],
	attach_document: ['template_attachment_doc', 'boolean'],
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await callAction(this, itemIndex, 'listEmailTemplates', {});
	const templates = takeLimit(this, itemIndex, (response['email-templates'] as IDataObject[]) ?? []);
	return await shapeList(this, itemIndex, templates, SIMPLE_FIELDS);
}
