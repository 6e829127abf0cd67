import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { callAction, readFields, shapeRecords } from '../../helpers/operation';
import { checkParams } from '../../helpers/validation';
import { idField } from '../common.descriptions';
import { PARTNER_HINT } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['delete'] } }, [
	idField('company_id', 'Account ID', PARTNER_HINT),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = checkParams(this, itemIndex, readFields(this, itemIndex, ['company_id']), ['company_id']);
	await callAction(this, itemIndex, 'deleteAccount', params);
	return await shapeRecords(this, itemIndex, [{ company_id: params.company_id, deleted: true }]);
}
