import type { INodeProperties } from 'n8n-workflow';

export const attentionField: INodeProperties = {
	displayName: 'Attention',
	name: 'estimate_attention',
	type: 'string',
	default: '',
	placeholder: 'e.g. Jane Doe',
	description: 'Person the estimate is addressed to (its attention line)',
};

export const commentField: INodeProperties = {
	displayName: 'Comment',
	name: 'estimate_comment',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'Comment printed on the estimate',
};

export const subjectField: INodeProperties = {
	displayName: 'Subject (Objet)',
	name: 'objet',
	type: 'string',
	default: '',
	description: 'Subject line of the estimate',
};
