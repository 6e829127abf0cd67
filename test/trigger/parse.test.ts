import { NOTIFICATION_TYPES } from '../emulator';
import { ALL_EVENTS, EVENT_OPTIONS, FACTOMOS_EVENTS, findEvent } from '../../nodes/FactomosTrigger/events';
import {
	FactomosWebhookError,
	parseCustomFields,
	parseNotification,
	parseNotificationBody,
} from '../../nodes/FactomosTrigger/parse';
import { DOC_EXAMPLE, DOC_EXAMPLE_OBJECT } from './fixtures';

function expectParseError(input: unknown, message: string) {
	let thrown: unknown;
	try {
		parseNotification(input);
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(FactomosWebhookError);
	expect((thrown as Error).message).toBe(message);
}

describe('trigger => events', () => {
	it('should list exactly the 31 documented notification types, once each', () => {
		const values = FACTOMOS_EVENTS.map((event) => event.value);
		expect(values).toHaveLength(31);
		expect(new Set(values).size).toBe(31);
		expect([...values].sort()).toEqual([...NOTIFICATION_TYPES].sort());
	});

	it('should give every event an English name and the French label of the documentation', () => {
		for (const event of FACTOMOS_EVENTS) {
			expect(event.name).toMatch(/^[A-Z][A-Za-z ]+$/);
			expect(event.label.length).toBeGreaterThan(5);
		}
		expect(findEvent('create_invoice')?.label).toBe("Création d'une facture");
		expect(findEvent('estimate_status_gainedwithacompte')?.label).toBe('Devis accepté (avec acompte)');
		expect(findEvent('update_stock')?.label).toBe('Modification du stock');
		expect(findEvent('delete_design')?.label).toBe('Suppression template design');
		expect(new Set(FACTOMOS_EVENTS.map((event) => event.name)).size).toBe(31);
	});

	it('should offer All Events first, then every event sorted by name with an English description', () => {
		expect(EVENT_OPTIONS).toHaveLength(32);
		expect(EVENT_OPTIONS[0]).toMatchObject({ name: 'All Events', value: ALL_EVENTS });
		const rest = EVENT_OPTIONS.slice(1);
		expect(rest.map((option) => option.name)).toEqual([...rest.map((option) => option.name)].sort((a, b) => a.localeCompare(b)));
		for (const event of FACTOMOS_EVENTS) {
			const option = rest.find((candidate) => candidate.value === event.value);
			expect(option?.name).toBe(event.name);
			expect(option?.description).toBe(`${event.when} (${event.value})`);
			// English UI: the doc's French label stays out of the editor.
			expect(option?.description).not.toContain(event.label);
		}
	});

	it('should fetch only objects that still exist and have a Get action', () => {
		const withoutFetch = FACTOMOS_EVENTS.filter((event) => !event.fetch).map((event) => event.value);
		expect(withoutFetch.sort()).toEqual(
			[
				'delete_invoice',
				'delete_estimate',
				'delete_contact',
				'delete_service',
				'create_template_email',
				'update_template_email',
				'delete_template_email',
				'create_design',
				'update_design',
				'delete_design',
				'add_invoice_payment',
				'update_invoice_payment',
				'delete_invoice_payment',
			].sort(),
		);
		expect(findEvent('create_avoir')?.fetch).toEqual({ action: 'getInvoice', param: 'invoice_id', key: 'invoice' });
		expect(findEvent('estimate_status_gained')?.fetch?.action).toBe('getEstimate');
		expect(findEvent('update_contact')?.fetch?.action).toBe('getClient');
		expect(findEvent('update_stock')?.fetch?.action).toBe('getService');
	});
});

describe('trigger => parseNotification', () => {
	it('should parse the documentation example, trailing comma included', () => {
		expect(parseNotification(DOC_EXAMPLE)).toEqual({ notificationType: 'create_estimate', body: DOC_EXAMPLE_OBJECT });
		expect(parseNotification(Buffer.from(DOC_EXAMPLE))).toEqual({ notificationType: 'create_estimate', body: DOC_EXAMPLE_OBJECT });
	});

	it('should accept a UTF-8 byte order mark and surrounding whitespace', () => {
		expect(parseNotification(Buffer.from(`\uFEFF \n${DOC_EXAMPLE}\n`)).body).toEqual(DOC_EXAMPLE_OBJECT);
	});

	it('should accept an object n8n already parsed as JSON', () => {
		expect(parseNotification({ ...DOC_EXAMPLE_OBJECT }).body).toEqual(DOC_EXAMPLE_OBJECT);
	});

	it('should rebuild a raw JSON body that n8n parsed as a form, even with = and & in custom', () => {
		const body = JSON.stringify({ ...DOC_EXAMPLE_OBJECT, custom: 'id=3&x=y' });
		const parsedAsForm: Record<string, string> = {};
		for (const [key, value] of new URLSearchParams(body)) parsedAsForm[key] = value;
		expect(Object.keys(parsedAsForm)).toHaveLength(2);
		expect(parseNotification(parsedAsForm).body).toEqual({ ...DOC_EXAMPLE_OBJECT, custom: 'id=3&x=y' });
	});

	it('should read JSON held in a single form field, or percent-encoded as the whole body', () => {
		const json = JSON.stringify(DOC_EXAMPLE_OBJECT);
		expect(parseNotification(`payload=${encodeURIComponent(json)}`).body).toEqual(DOC_EXAMPLE_OBJECT);
		expect(parseNotification(encodeURIComponent(json)).body).toEqual(DOC_EXAMPLE_OBJECT);
		expect(parseNotification({ payload: json }).body).toEqual(DOC_EXAMPLE_OBJECT);
	});

	it('should read JSON that was JSON-encoded twice', () => {
		expect(parseNotification(JSON.stringify(JSON.stringify(DOC_EXAMPLE_OBJECT))).body).toEqual(DOC_EXAMPLE_OBJECT);
	});

	it('should reject bodies that are not a JSON object with a short reason', () => {
		expectParseError('', 'Empty body: expected a Factomos JSON notification');
		expectParseError(Buffer.alloc(0), 'Empty body: expected a Factomos JSON notification');
		expectParseError(undefined, 'Empty body: expected a Factomos JSON notification');
		expectParseError({}, 'Empty body: expected a Factomos JSON notification');
		expectParseError('hello world', 'Body is not JSON');
		expectParseError('{"company_id":"550"', 'Body is not valid JSON');
		expectParseError('[1,2]', 'Body is not a JSON object');
		expectParseError('"just text"', 'Body is not a JSON object');
		expectParseError(42, 'Body is not a JSON object');
	});

	it('should require notification_type to be a non-empty string', () => {
		expectParseError('{"company_id":"550","result":{"id":"1"}}', 'Missing notification_type');
		expectParseError('{"notification_type":""}', 'Missing notification_type');
		expectParseError('{"notification_type":12}', 'Missing notification_type');
		expectParseError({ notification_type: null }, 'Missing notification_type');
	});

	it('should keep a "__proto__" key as plain data', () => {
		const { body } = parseNotification('{"notification_type":"create_invoice","__proto__":{"polluted":true}}');
		expect(({} as IDataObjectLike).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
	});
});

type IDataObjectLike = Record<string, unknown>;

describe('trigger => parseCustomFields', () => {
	it('should parse a query-string custom value', () => {
		expect(parseCustomFields('id=3')).toEqual({ id: '3' });
		expect(parseCustomFields('id=3&x=y')).toEqual({ id: '3', x: 'y' });
		expect(parseCustomFields('?id=3&&source=n8n')).toEqual({ id: '3', source: 'n8n' });
		expect(parseCustomFields('name=Caf%C3%A9+Paris&empty=')).toEqual({ name: 'Café Paris', empty: '' });
		expect(parseCustomFields('tag=a&tag=b&tag=c')).toEqual({ tag: ['a', 'b', 'c'] });
	});

	it('should return {} for text that is not a query string', () => {
		expect(parseCustomFields(undefined)).toEqual({});
		expect(parseCustomFields(null)).toEqual({});
		expect(parseCustomFields('')).toEqual({});
		expect(parseCustomFields('order 42')).toEqual({});
		expect(parseCustomFields('id=3&loose')).toEqual({});
		expect(parseCustomFields('=3')).toEqual({});
		expect(parseCustomFields({ id: 3 })).toEqual({});
	});

	it('should drop keys that could reach the prototype', () => {
		const fields = parseCustomFields('__proto__=x&constructor=y&id=1');
		expect(fields).toEqual({ id: '1' });
		expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
	});
});

describe('trigger => parser fuzzing', () => {
	/** Deterministic PRNG (mulberry32), so a failure can be replayed. */
	function random(seed: number) {
		let state = seed >>> 0;
		return () => {
			state = (state + 0x6d2b79f5) >>> 0;
			let t = state;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}

	function expectOnlyOwnErrors(input: unknown) {
		let parsed: ReturnType<typeof parseNotification>;
		try {
			parsed = parseNotification(input);
		} catch (error) {
			expect(error).toBeInstanceOf(FactomosWebhookError);
			return;
		}
		expect(typeof parsed.notificationType).toBe('string');
		expect(typeof parsed.body).toBe('object');
	}

	it('should only ever throw FactomosWebhookError on 2,000 random byte bodies', () => {
		const next = random(0xfac70);
		for (let run = 0; run < 2000; run++) {
			const bytes = Buffer.alloc(Math.floor(next() * 512));
			for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
			expectOnlyOwnErrors(bytes);
			expectOnlyOwnErrors(bytes.toString('latin1'));
		}
	});

	it('should only ever throw FactomosWebhookError on 2,000 JSON-like random bodies', () => {
		const next = random(42);
		const alphabet = ['{', '}', '[', ']', '"', ',', ':', ' ', '\\', '=', '&', '%', '7B', 'notification_type', 'a', '1', 'null', '\n'];
		let accepted = 0;
		for (let run = 0; run < 2000; run++) {
			const parts: string[] = ['{"notification_type":"create_invoice"'];
			const length = Math.floor(next() * 40);
			for (let i = 0; i < length; i++) parts.push(alphabet[Math.floor(next() * alphabet.length)]);
			if (next() < 0.5) parts.push('}');
			const text = parts.join('');
			try {
				parseNotification(text);
				accepted++;
			} catch (error) {
				expect(error).toBeInstanceOf(FactomosWebhookError);
			}
		}
		expect(accepted).toBeGreaterThan(0);
	});

	it('should survive deeply nested and very long bodies', () => {
		expectOnlyOwnErrors('['.repeat(200_000));
		expectOnlyOwnErrors(`{"notification_type":"x","a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
		expectOnlyOwnErrors(`{"notification_type":"x",${','.repeat(100_000)}}`);
		expect(parseNotificationBody(`{"notification_type":"x","pad":"${'a'.repeat(1_000_000)}",}`).pad).toHaveLength(1_000_000);
	});
});
