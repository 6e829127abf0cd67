import type { INodeParameters } from 'n8n-workflow';

import { Factomos } from '../../nodes/Factomos/Factomos.node';
import { FACTOMOS_EVENTS } from '../../nodes/FactomosTrigger/events';
import { SAMPLE_NOTIFICATION } from '../../nodes/FactomosTrigger/FactomosTrigger.node';
import { DOC_EXAMPLE, DOC_EXAMPLE_OBJECT, notification, notificationObject } from './fixtures';
import { TriggerHarness, triggerNode } from './harness';
import { fs, path, REPO_ROOT } from '../host';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const harness = new TriggerHarness();

beforeAll(async () => {
	await harness.start();
});

afterAll(async () => {
	await harness.stop();
});

function listen(parameters: INodeParameters, rawBody = true) {
	harness.configure({ parameters, rawBody });
}

afterEach(async () => {
	await harness.settled();
	expect(harness.problems).toEqual([]);
});

describe('trigger => description', () => {
	it('should be a POST webhook answered on receipt, with no-op registration hooks', async () => {
		const { description } = triggerNode;
		expect(description.name).toBe('factomosTrigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }]);
		const hooks = triggerNode.webhookMethods.default;
		await expect(hooks.checkExists.call({} as never)).resolves.toBe(true);
		await expect(hooks.create.call({} as never)).resolves.toBe(true);
		await expect(hooks.delete.call({} as never)).resolves.toBe(true);
	});

	it('should explain in a short notice, in order: copy the URL, register it with Get Authorization URL and its Trigger URL Secret, activate', () => {
		const notice = String(triggerNode.description.properties.find((property) => property.type === 'notice')?.displayName);
		const steps = ['1. Copy the Production URL', '2. Register it at Factomos', '3. Activate this workflow'].map((step) => notice.indexOf(step));
		expect(steps.every((position) => position >= 0)).toBe(true);
		expect([...steps].sort((a, b) => a - b)).toEqual(steps);
		expect(notice).toContain('?secret=');
		expect(notice).toContain('Account → Get Authorization URL, in Webhook URL');
		expect(notice).toContain('Trigger URL Secret (the node adds ?secret=)');
		expect(notice).toContain('Account → Create is for partners');
		expect(notice.length).toBeLessThan(460);
	});

	it('should give a ready curl command posting the documentation example notification to the Test URL', async () => {
		expect(JSON.parse(SAMPLE_NOTIFICATION)).toEqual(DOC_EXAMPLE_OBJECT);
		const panel = triggerNode.description.triggerPanel as { executionsHelp: { active: string; inactive: string } };
		for (const help of [panel.executionsHelp.inactive, panel.executionsHelp.active]) {
			expect(help).toContain(`curl -X POST '&lt;Test URL&gt;' -H 'Content-Type: application/json' -d '${SAMPLE_NOTIFICATION}'`);
		}
		// The command works as given: the trigger runs for it once Estimate Created is selected.
		listen({ events: ['create_estimate'] });
		const response = await harness.post(SAMPLE_NOTIFICATION);
		expect(response.status).toBe(200);
		expect(harness.executions.map((execution) => execution.json.id)).toEqual(['5782']);

		// The README's mock data for n8n's "set mock data" is that same output.
		const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
		const mock = /set mock data[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
		const [item] = JSON.parse(mock?.[1] ?? '[]') as Array<Record<string, unknown>>;
		expect({ ...item, received_at: undefined }).toEqual({ ...harness.executions[0].json, received_at: undefined });
	});

	it('should ask for the credential only when Fetch Full Object is on', () => {
		expect(triggerNode.description.credentials).toEqual([
			{
				name: 'factomosApi',
				required: true,
				testedBy: 'factomosApiTest',
				displayOptions: { show: { '/options.fetchFullObject': [true] } },
			},
		]);
	});

	it('should test the credential from the trigger with the action node\'s credential test', () => {
		expect(triggerNode.methods?.credentialTest?.factomosApiTest).toBe(new Factomos().methods.credentialTest.factomosApiTest);
	});
});

describe('trigger => events', () => {
	it.each(FACTOMOS_EVENTS.map((event) => [event.value, event.name] as const))(
		'should start the workflow for %s when it is selected, labelled "%s"',
		async (type, name) => {
			listen({ events: [type] });
			const response = await harness.post(notification(type, { id: '4711' }));
			expect(response.status).toBe(200);
			expect(response.json).toEqual({ received: true });
			expect(harness.executions).toHaveLength(1);
			expect(harness.executions[0].itemCount).toBe(1);
			expect(harness.executions[0].json).toMatchObject({ event: type, event_label: name, company_id: '550', id: '4711' });
		},
	);

	it('should acknowledge but not run for an event that is not selected', async () => {
		listen({ events: ['create_invoice', 'update_invoice'] });
		const response = await harness.post(notification('delete_invoice'));
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ received: true, ignored: 'event not selected' });
		expect(harness.calls).toBe(1);
		expect(harness.executions).toEqual([]);

		const accepted = await harness.post(notification('update_invoice'));
		expect(accepted.json).toEqual({ received: true });
		expect(harness.executions.map((execution) => execution.json.event)).toEqual(['update_invoice']);
	});

	it('should run for every type, including unknown future ones, with All Events', async () => {
		listen({ events: ['*'] });
		for (const type of ['create_invoice', 'estimate_status_lost', 'delete_design', 'future_event']) {
			const response = await harness.post(notification(type));
			expect(response.json).toEqual({ received: true });
		}
		expect(harness.executions.map((execution) => [execution.json.event, execution.json.event_label])).toEqual([
			['create_invoice', 'Invoice Created'],
			['estimate_status_lost', 'Estimate Declined'],
			['delete_design', 'Design Template Deleted'],
			['future_event', null],
		]);
	});

	it('should run for nothing when no event is selected', async () => {
		listen({ events: [] });
		const response = await harness.post(notification('create_invoice'));
		expect(response.json).toEqual({ received: true, ignored: 'event not selected' });
		expect(harness.executions).toEqual([]);
	});

	it('should accept events given by an expression as a comma-separated string', async () => {
		listen({ events: '={{ "create_invoice, send_invoice" }}' });
		await harness.post(notification('send_invoice'));
		await harness.post(notification('update_invoice'));
		expect(harness.executions.map((execution) => execution.json.event)).toEqual(['send_invoice']);
	});
});

describe('trigger => output', () => {
	it('should output the documented fields of the notification', async () => {
		listen({ events: ['create_estimate'] });
		const before = Date.now();
		await harness.post(DOC_EXAMPLE, { contentType: 'text/plain' });
		const { json } = harness.executions[0];
		expect(json).toEqual({
			event: 'create_estimate',
			event_label: 'Estimate Created',
			company_id: '550',
			id: '5782',
			invoice_id: null,
			error: { code: 0, message: 'OK' },
			custom: 'id=3',
			custom_fields: { id: '3' },
			received_at: expect.stringMatching(ISO_DATE),
			body: DOC_EXAMPLE_OBJECT,
		});
		expect(Date.parse(json.received_at as string)).toBeGreaterThanOrEqual(before - 1000);
	});

	it('should output the new invoice id of an estimate transformed into an invoice', async () => {
		listen({ events: ['estimate_status_gained'] });
		await harness.post(notification('estimate_status_gained', { id: '19709', invoice_id: '52001' }));
		expect(harness.executions[0].json).toMatchObject({ id: '19709', invoice_id: '52001', event_label: 'Estimate Accepted' });
	});

	it('should parse custom into custom_fields when it is a query string', async () => {
		listen({ events: ['*'] });
		await harness.post(notification('create_invoice', { custom: 'id=3&x=y&name=Caf%C3%A9' }));
		await harness.post(notification('create_invoice', { custom: 'free text' }));
		await harness.post(notification('create_invoice'));
		expect(harness.executions.map((execution) => [execution.json.custom, execution.json.custom_fields])).toEqual([
			['id=3&x=y&name=Caf%C3%A9', { id: '3', x: 'y', name: 'Café' }],
			['free text', {}],
			[null, {}],
		]);
	});

	it('should pass on the error Factomos reports for the action', async () => {
		listen({ events: ['*'] });
		await harness.post(notification('send_invoice', { error: { code: -12, message: 'Mail not sent' } }));
		expect(harness.executions[0].json.error).toEqual({ code: -12, message: 'Mail not sent' });
	});

	it('should turn numeric ids into strings and missing ones into null', async () => {
		listen({ events: ['*'] });
		await harness.post('{"company_id":550,"notification_type":"create_contact","result":{"id":1234}}');
		await harness.post('{"notification_type":"create_contact"}');
		expect(harness.executions[0].json).toMatchObject({ company_id: '550', id: '1234', invoice_id: null, error: null });
		expect(harness.executions[1].json).toMatchObject({ company_id: null, id: null, invoice_id: null, error: null, custom: null });
	});
});

describe('trigger => body formats', () => {
	const expected = { event: 'create_estimate', id: '5782', custom: 'id=3', custom_fields: { id: '3' }, body: DOC_EXAMPLE_OBJECT };

	it('should accept the documentation example (trailing comma) sent as text/plain', async () => {
		listen({ events: ['*'] });
		const response = await harness.post(DOC_EXAMPLE, { contentType: 'text/plain; charset=utf-8' });
		expect(response.status).toBe(200);
		expect(harness.executions[0].json).toMatchObject(expected);
	});

	it('should accept a raw POST without Content-Type, trailing comma included', async () => {
		listen({ events: ['*'] });
		const response = await harness.post(DOC_EXAMPLE, { contentType: null });
		expect(response.json).toEqual({ received: true });
		expect(harness.executions[0].json).toMatchObject(expected);
	});

	it('should accept application/json', async () => {
		listen({ events: ['*'] });
		const body = JSON.stringify(DOC_EXAMPLE_OBJECT);
		await harness.post(body, { contentType: 'application/json' });
		await harness.post(body, { contentType: 'application/json; charset=UTF-8' });
		expect(harness.executions.map((execution) => execution.json.body)).toEqual([DOC_EXAMPLE_OBJECT, DOC_EXAMPLE_OBJECT]);
	});

	it('should accept raw JSON labelled as a form (PHP curl default), with = and & in custom', async () => {
		listen({ events: ['*'] });
		const body = notification('create_invoice', { custom: 'id=3&x=a+b' });
		await harness.post(body, { contentType: 'application/x-www-form-urlencoded' });
		expect(harness.executions[0].json).toMatchObject({ custom: 'id=3&x=a+b', custom_fields: { id: '3', x: 'a b' } });
	});

	it('should accept JSON held in a single form field', async () => {
		listen({ events: ['*'] });
		const body = `payload=${encodeURIComponent(notification('create_invoice', { custom: 'id=3&x=y' }))}`;
		await harness.post(body, { contentType: 'application/x-www-form-urlencoded' });
		expect(harness.executions[0].json).toMatchObject({ event: 'create_invoice', custom: 'id=3&x=y' });
	});

	it('should fall back to the body n8n parsed when the request has no rawBody', async () => {
		listen({ events: ['*'] }, false);
		await harness.post(JSON.stringify(DOC_EXAMPLE_OBJECT), { contentType: 'application/json' });
		await harness.post(DOC_EXAMPLE, { contentType: 'text/plain' });
		await harness.post(notification('create_invoice', { custom: 'id=3&x=y' }), { contentType: 'application/x-www-form-urlencoded' });
		await harness.post(`data=${encodeURIComponent(notification('update_invoice'))}`, {
			contentType: 'application/x-www-form-urlencoded',
		});
		expect(harness.executions.map((execution) => [execution.json.event, execution.json.custom])).toEqual([
			['create_estimate', 'id=3'],
			['create_estimate', 'id=3'],
			['create_invoice', 'id=3&x=y'],
			['update_invoice', null],
		]);
	});

	it('should answer 400 with a short reason and not run for garbage', async () => {
		listen({ events: ['*'] });
		for (const [body, contentType, reason] of [
			['not json at all', null, 'Body is not JSON'],
			['{"notification_type":', 'text/plain', 'Body is not valid JSON'],
			[Buffer.from([0xff, 0xfe, 0x00, 0x7b]), null, 'Body is not JSON'],
			['', null, 'Empty body: expected a Factomos JSON notification'],
			['[1,2,3]', 'application/json', 'Body is not a JSON object'],
		] as const) {
			const response = await harness.post(body, { contentType });
			expect(response.status).toBe(400);
			expect(response.contentType).toMatch(/^application\/json/);
			expect(response.json).toEqual({ error: reason });
		}
		expect(harness.executions).toEqual([]);
	});

	it('should answer 400 and not run when notification_type is missing', async () => {
		listen({ events: ['*'] });
		const body = notificationObject('create_invoice');
		delete body.notification_type;
		const response = await harness.post(JSON.stringify(body), { contentType: 'application/json' });
		expect(response.status).toBe(400);
		expect(response.json).toEqual({ error: 'Missing notification_type' });
		expect(harness.executions).toEqual([]);
	});
});

describe('trigger => company filter', () => {
	it('should run only for the configured company', async () => {
		listen({ events: ['*'], options: { companyId: ' 550 ' } });
		const other = await harness.post(notification('create_invoice', { company_id: '551' }));
		expect(other.status).toBe(200);
		expect(other.json).toEqual({ received: true, ignored: 'company_id does not match' });
		const numeric = await harness.post(notification('create_invoice', { company_id: 550, id: '1' }));
		const text = await harness.post(notification('create_invoice', { company_id: '550', id: '2' }));
		expect(numeric.json).toEqual({ received: true });
		expect(text.json).toEqual({ received: true });
		expect(harness.executions.map((execution) => execution.json.id)).toEqual(['1', '2']);
	});

	it('should ignore a notification without company_id when a company is configured', async () => {
		listen({ events: ['*'], options: { companyId: '550' } });
		const response = await harness.post('{"notification_type":"create_invoice","result":{"id":"1"}}');
		expect(response.json).toEqual({ received: true, ignored: 'company_id does not match' });
		expect(harness.executions).toEqual([]);
	});
});

describe('trigger => URL secret', () => {
	const secret = 'dummy-Value/with+chars';

	it('should run when ?secret= matches', async () => {
		listen({ events: ['*'], options: { urlSecret: secret } });
		const response = await harness.post(notification('create_invoice'), { query: `secret=${encodeURIComponent(secret)}` });
		expect(response.status).toBe(200);
		expect(harness.executions).toHaveLength(1);
		expect(JSON.stringify(harness.executions[0].json)).not.toContain(secret);
	});

	it('should answer 401 and not run when the secret is wrong, of another length, or repeated', async () => {
		listen({ events: ['*'], options: { urlSecret: secret } });
		for (const query of ['secret=wrong', `secret=${encodeURIComponent(secret)}x`, `secret=${encodeURIComponent(secret.slice(0, -1))}`, 'secret=', `secret=${encodeURIComponent(secret)}&secret=${encodeURIComponent(secret)}`]) {
			const response = await harness.post(notification('create_invoice'), { query });
			expect(response.status).toBe(401);
			expect(response.json).toEqual({ error: 'Invalid secret' });
			expect(response.text).not.toContain(secret);
		}
		expect(harness.executions).toEqual([]);
	});

	it('should answer 401 when the secret is absent, before looking at the body', async () => {
		listen({ events: ['*'], options: { urlSecret: secret } });
		const absent = await harness.post(notification('create_invoice'));
		expect(absent.status).toBe(401);
		expect(absent.json).toEqual({ error: 'Missing secret query parameter' });
		const garbage = await harness.post('garbage', { query: 'secret=nope' });
		expect(garbage.status).toBe(401);
		expect(harness.executions).toEqual([]);
	});

	it('should not check anything when no secret is configured', async () => {
		listen({ events: ['*'] });
		const response = await harness.post(notification('create_invoice'), { query: 'secret=anything' });
		expect(response.status).toBe(200);
		expect(harness.executions).toHaveLength(1);
	});
});
