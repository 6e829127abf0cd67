import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { DOC_EXAMPLE, DOC_EXAMPLE_OBJECT, notification } from './fixtures';
import { TriggerHarness, triggerNode } from './harness';

/**
 * §8 only says "RAW POST": the Content-Type Factomos sends is unknown, and a notification n8n
 * refuses is not sent again. The harness handles bodies exactly as n8n 1.123 and 2.40 do before the
 * node runs, including their own 422 for a body declared JSON that is not strict JSON.
 */

const harness = new TriggerHarness();
beforeAll(async () => {
	await harness.start();
});
afterAll(async () => {
	await harness.stop();
});
afterEach(async () => {
	await harness.settled();
	expect(harness.problems).toEqual([]);
});

const STRICT = notification('create_estimate', { custom: 'id=3' });
const FORM_FIELD = `payload=${encodeURIComponent(STRICT)}`;

/** [Content-Type, body]: the documentation's example under every header Factomos might send. */
const DELIVERIES: Array<[string | null, string]> = [
	[null, DOC_EXAMPLE],
	['text/plain', DOC_EXAMPLE],
	['text/plain; charset=utf-8', DOC_EXAMPLE],
	['application/x-www-form-urlencoded', DOC_EXAMPLE],
	['application/x-www-form-urlencoded', FORM_FIELD],
	['application/json', STRICT],
	['application/json', DOC_EXAMPLE],
	['application/json; charset=UTF-8', DOC_EXAMPLE],
	['application/octet-stream', DOC_EXAMPLE],
];

async function expectOneExecution(contentType: string | null, body: string) {
	const response = await harness.post(body, { contentType });
	expect(response.status).toBe(200);
	expect(response.json).toEqual({ received: true });
	await harness.settled();
	expect(harness.executions).toHaveLength(1);
	expect(harness.executions[0].json).toMatchObject({ event: 'create_estimate', id: '5782', custom: 'id=3', custom_fields: { id: '3' } });
	expect(harness.executions[0].json.body).toEqual(DOC_EXAMPLE_OBJECT);
}

describe('trigger => description', () => {
	it('should make new nodes version 1 with n8n\'s raw-body option on, shown for version 1 only', () => {
		const { description } = triggerNode;
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1);
		const options = description.properties.find((property) => property.name === 'options');
		expect(options?.default).toEqual({ binaryData: true });
		const rawBody = (options?.options as INodeProperties[]).find((option) => option.name === 'binaryData');
		expect(rawBody).toMatchObject({ type: 'boolean', default: true, displayOptions: { show: { '@version': [1] } } });
	});
});

describe.each<[string, INodeParameters]>([
	['a new node, or a version-1 node saved without options', { events: ['*'] }],
	['a new node with options added in the editor', { events: ['create_estimate'], options: { binaryData: true, companyId: '550' } }],
])('trigger => content types (%s)', (_name, parameters) => {
	it.each(DELIVERIES)('should start exactly one execution for Content-Type %s', async (contentType, body) => {
		harness.configure({ parameters, typeVersion: 1 });
		await expectOneExecution(contentType, body);
	});
});

describe('trigger => content types (saved version 1.1 and version-1 nodes saved with options)', () => {
	const saved: Array<[number, INodeParameters]> = [
		[1.1, { events: ['*'] }],
		[1, { events: ['*'], options: { companyId: '550' } }],
	];

	it.each(saved)('should keep receiving every body n8n accepts (version %s)', async (typeVersion, parameters) => {
		for (const [contentType, body] of DELIVERIES) {
			if (contentType?.startsWith('application/json') && body === DOC_EXAMPLE) continue;
			harness.configure({ parameters, typeVersion });
			await expectOneExecution(contentType, body);
		}
	});

	it.each(saved)('should still let n8n refuse the documentation\'s example declared JSON (version %s)', async (typeVersion, parameters) => {
		harness.configure({ parameters, typeVersion });
		const response = await harness.post(DOC_EXAMPLE, { contentType: 'application/json' });
		expect(response.status).toBe(422);
		expect(response.json).toMatchObject({ message: 'Failed to parse request body' });
		expect(harness.calls).toBe(0);
	});
});
