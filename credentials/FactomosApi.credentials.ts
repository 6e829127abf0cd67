import type { ICredentialType, INodeProperties } from 'n8n-workflow';

export class FactomosApi implements ICredentialType {
	name = 'factomosApi';

	displayName = 'Factomos API';

	icon = { light: 'file:../nodes/Factomos/factomos.svg', dark: 'file:../nodes/Factomos/factomos.dark.svg' } as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-factomos#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API token (api_key) Factomos gave you',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API secret (api_secret) used to encrypt every request. Keep it confidential. Factomos secrets are 16 characters long.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.factomos.com',
			placeholder: 'https://app.factomos.com',
			description:
				'Factomos server to call. Use https://dev.factomos.com for the test server, or the URL of a local emulator.',
		},
	];
}
