import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../node.type';

export const operations: OperationMap = {};

export const description: INodeProperties[] = [];
