import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export type FactomosResource =
	| 'account'
	| 'session'
	| 'client'
	| 'service'
	| 'invoice'
	| 'estimate'
	| 'payment'
	| 'expense'
	| 'emailTemplate';

/** What every `<op>.operation.ts` exports. */
export interface FactomosOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
}

export type OperationMap = Record<string, FactomosOperation>;
