import type { INodeProperties } from 'n8n-workflow';

import * as account from './account';
import * as client from './client';
import * as emailTemplate from './emailTemplate';
import * as estimate from './estimate';
import * as expense from './expense';
import * as invoice from './invoice';
import * as payment from './payment';
import * as service from './service';
import * as session from './session';
import type { FactomosResource, OperationMap } from './node.type';

interface ResourceModule {
	description: INodeProperties[];
	operations: OperationMap;
}

/** Every resource of the node; the router and the description both read this one map. */
export const RESOURCES: Record<FactomosResource, ResourceModule> = {
	account,
	client,
	emailTemplate,
	estimate,
	expense,
	invoice,
	payment,
	service,
	session,
};
