import { Rng } from '../codec/support';
import type { PostResult } from '../helpers/http';
import { notification, notificationObject } from './fixtures';
import { util } from '../host';

/**
 * The trigger flood of issue #6, shared by the harness test and the real-n8n e2e: a deterministic,
 * shuffled mix of valid selected notifications (70%) and posts that must never start a workflow
 * (malformed, unselected, other company, wrong URL secret), each with the answer it must get.
 */

export const FLOOD_EVENTS = ['create_invoice', 'update_invoice', 'estimate_status_gained'];
const UNSELECTED_EVENTS = ['delete_invoice', 'create_contact', 'send_estimate', 'future_event'];
const COMPANY_ID = '550';
const URL_SECRET = 'flood-dummy/42+x';
const SECRET_QUERY = `secret=${encodeURIComponent(URL_SECRET)}`;

/** The trigger's parameters: a few events, one company, a URL secret. */
export const FLOOD_PARAMETERS = { events: FLOOD_EVENTS, options: { companyId: COMPANY_ID, urlSecret: URL_SECRET } };

/** A body the trigger rejects without an execution: proves the production webhook is registered. */
export const FLOOD_PROBE = {
	query: SECRET_QUERY,
	body: `{"company_id":"${COMPANY_ID}"}`,
	status: 400,
	text: JSON.stringify({ error: 'Missing notification_type' }),
};

const PARSE_ERRORS = /^(Body is not JSON|Body is not valid JSON|Body is not a JSON object|Empty body: expected a Factomos JSON notification)$/;

/** The execution a valid post must start, as the trigger outputs it. */
export interface Delivery {
	event: string;
	id: string;
}

export interface FloodPost {
	kind: string;
	body: string | Buffer;
	/** null: no Content-Type header, as Factomos posts. */
	contentType: string | null;
	/** Query string without "?". */
	query: string;
	status: number;
	/** The exact JSON answer; undefined when n8n answers by itself (422). */
	answer?: unknown;
	/** Matched against answer.error instead, for random bodies. */
	error?: RegExp;
	delivers?: Delivery;
}

type Make = (rng: Rng, id: string) => Omit<FloodPost, 'kind'>;

const ERROR = (error: string) => ({ status: 400, answer: { error } });
const IGNORED = (reason: string) => ({ status: 200, answer: { received: true, ignored: reason } });

function selected(rng: Rng, id: string): string {
	const event = rng.pick(FLOOD_EVENTS);
	return notification(event, { id, custom: `id=${id}` });
}

function randomBytes(rng: Rng, length: number): Buffer {
	const bytes = Buffer.alloc(length);
	for (let i = 0; i < length; i++) bytes[i] = rng.int(256);
	return bytes;
}

/** Valid selected notifications, in every body format the trigger accepts. */
const VALID_FORMATS: Array<(event: string, id: string) => Pick<FloodPost, 'body' | 'contentType'>> = [
	(event, id) => ({ body: notification(event, { id }), contentType: null }),
	(event, id) => ({ body: notification(event, { id, custom: `id=${id}&x=a+b` }), contentType: 'text/plain; charset=utf-8' }),
	(event, id) => ({ body: JSON.stringify(notificationObject(event, { id, company_id: 550 })), contentType: 'application/json' }),
	(event, id) => ({ body: notification(event, { id, invoice_id: `9${id}` }), contentType: 'application/x-www-form-urlencoded' }),
	(event, id) => ({
		body: `payload=${encodeURIComponent(notification(event, { id }))}`,
		contentType: 'application/x-www-form-urlencoded',
	}),
	// The documentation's own shape: trailing comma before the closing brace.
	(event, id) => ({ body: notification(event, { id }).replace(/}$/, ',}'), contentType: 'text/plain' }),
];

function valid(rng: Rng, id: string): Omit<FloodPost, 'kind'> {
	const event = rng.pick(FLOOD_EVENTS);
	return { ...rng.pick(VALID_FORMATS)(event, id), query: SECRET_QUERY, status: 200, answer: { received: true }, delivers: { event, id } };
}

const WRONG_SHAPES: Array<[string, string]> = [
	['[1,2,3]', 'Body is not a JSON object'],
	['"create_invoice"', 'Body is not a JSON object'],
	['null', 'Body is not JSON'],
	['{"notification_type":42,"result":{"id":"1"}}', 'Missing notification_type'],
	['{"notification_type":"   "}', 'Missing notification_type'],
];

/** Posts that must not start a workflow, with their share of the mix in per mille. */
const REJECTED: Array<[kind: string, perMille: number, make: Make]> = [
	['garbage bytes', 40, (rng) => ({ body: randomBytes(rng, 1 + rng.int(2000)), contentType: null, query: SECRET_QUERY, status: 400, error: PARSE_ERRORS })],
	[
		'truncated JSON',
		40,
		(rng, id) => {
			const text = selected(rng, id);
			return { body: text.slice(0, 1 + rng.int(text.length - 2)), contentType: rng.pick([null, 'text/plain']), query: SECRET_QUERY, ...ERROR('Body is not valid JSON') };
		},
	],
	// n8n's body parser answers 422 itself before the node runs.
	['truncated application/json', 15, (rng, id) => ({ body: selected(rng, id).slice(0, -1), contentType: 'application/json', query: SECRET_QUERY, status: 422 })],
	['empty', 20, (rng) => ({ body: rng.pick(['', ' ', '\r\n\t ']), contentType: rng.pick([null, 'text/plain']), query: SECRET_QUERY, ...ERROR('Empty body: expected a Factomos JSON notification') })],
	[
		'wrong shape',
		30,
		(rng, id) => {
			const [body, error] = rng.chance(0.2) ? [`[${selected(rng, id)}]`, 'Body is not a JSON object'] : rng.pick(WRONG_SHAPES);
			return { body, contentType: rng.pick([null, 'application/json']), query: SECRET_QUERY, ...ERROR(error) };
		},
	],
	[
		'missing notification_type',
		30,
		(rng, id) => {
			const body = notificationObject(rng.pick(FLOOD_EVENTS), { id });
			delete body.notification_type;
			return { body: JSON.stringify(body), contentType: rng.pick([null, 'application/json']), query: SECRET_QUERY, ...ERROR('Missing notification_type') };
		},
	],
	[
		'huge',
		10,
		(rng, id) => {
			const size = 200_000 + rng.int(100_000);
			if (rng.chance(0.5)) return { body: 'x'.repeat(size), contentType: null, query: SECRET_QUERY, ...ERROR('Body is not JSON') };
			const body = notificationObject(rng.pick(FLOOD_EVENTS), { id, custom: 'y'.repeat(size) });
			delete body.notification_type;
			return { body: JSON.stringify(body), contentType: 'application/json', query: SECRET_QUERY, ...ERROR('Missing notification_type') };
		},
	],
	['unselected event', 60, (rng, id) => ({ body: notification(rng.pick(UNSELECTED_EVENTS), { id }), contentType: null, query: SECRET_QUERY, ...IGNORED('event not selected') })],
	[
		'other company',
		25,
		(rng, id) => ({
			body: notification(rng.pick(FLOOD_EVENTS), { id, company_id: rng.pick(['551', 55, '5500']) }),
			contentType: null,
			query: SECRET_QUERY,
			...IGNORED('company_id does not match'),
		}),
	],
	[
		'wrong URL secret',
		20,
		(rng, id) => ({
			body: selected(rng, id),
			contentType: null,
			query: rng.pick(['secret=wrong', `${SECRET_QUERY}x`, 'secret=', `${SECRET_QUERY}&${SECRET_QUERY}`]),
			status: 401,
			answer: { error: 'Invalid secret' },
		}),
	],
	['missing URL secret', 10, (rng, id) => ({ body: selected(rng, id), contentType: null, query: '', status: 401, answer: { error: 'Missing secret query parameter' } })],
];

/**
 * `count` posts, 30% rejected kinds, shuffled. Every post carries a unique id from `firstId` on,
 * so an execution from a post that must not deliver is caught by its id.
 */
export function buildFlood(seed: number, count: number, firstId: number): FloodPost[] {
	const rng = new Rng(seed, 'trigger-flood');
	const posts: FloodPost[] = [];
	const nextId = () => String(firstId + posts.length);
	for (const [kind, perMille, make] of REJECTED) {
		const n = Math.round((count * perMille) / 1000);
		for (let i = 0; i < n; i++) posts.push({ kind, ...make(rng, nextId()) });
	}
	while (posts.length < count) posts.push({ kind: 'valid', ...valid(rng, nextId()) });
	for (let i = posts.length - 1; i > 0; i--) {
		const j = rng.int(i + 1);
		[posts[i], posts[j]] = [posts[j], posts[i]];
	}
	return posts;
}

export function deliveryKey(delivery: { event?: unknown; id?: unknown }): string {
	return `${String(delivery.event)}#${String(delivery.id)}`;
}

/** The sorted keys of the executions the posts must start: exactly one per valid post. */
export function expectedDeliveries(posts: FloodPost[]): string[] {
	return posts.flatMap((post) => (post.delivers ? [deliveryKey(post.delivers)] : [])).sort();
}

/** Maps with at most `concurrency` calls in flight; the results are in the items' order. */
export async function mapConcurrent<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	return results;
}

/** One line per post whose answer is not the expected one (empty when all are right). */
export function wrongAnswers(posts: FloodPost[], results: PostResult[]): string[] {
	const wrong: string[] = [];
	posts.forEach((post, index) => {
		const { status, json, text } = results[index];
		const error = (json as { error?: unknown } | undefined)?.error;
		const ok =
			status === post.status &&
			(post.answer === undefined || util.isDeepStrictEqual(json, post.answer)) &&
			(post.error === undefined || (typeof error === 'string' && post.error.test(error)));
		if (!ok) wrong.push(`#${index} ${post.kind}: expected ${post.status} ${JSON.stringify(post.answer ?? post.error ?? '')}, got ${status} ${text.slice(0, 200)}`);
	});
	return wrong;
}

/** How many posts of each kind, e.g. { valid: 700, 'garbage bytes': 40, … }. */
export function floodKinds(posts: FloodPost[]): Record<string, number> {
	const kinds: Record<string, number> = {};
	for (const post of posts) kinds[post.kind] = (kinds[post.kind] ?? 0) + 1;
	return kinds;
}
