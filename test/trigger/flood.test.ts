import { buildFlood, deliveryKey, expectedDeliveries, FLOOD_PARAMETERS, floodKinds, mapConcurrent, wrongAnswers } from './flood';
import { TriggerHarness } from './harness';
import { print, process, v8, vm } from '../host';

/** Issue #6 "Trigger flood": 1,000 shuffled POSTs, 30% malformed or not selected, 25 in flight. */

const SEED = 0x6f100d;
const POSTS = 1000;
const CONCURRENCY = 25;
const ROUNDS = 12;
const HEAP_GROWTH_LIMIT = 2 * 1024 * 1024;

const harness = new TriggerHarness();

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}

/** One flood: every answer as expected, and the executions are exactly the valid posts. */
async function flood(): Promise<void> {
	harness.reset();
	const posts = buildFlood(SEED, POSTS, 100_000);
	const results = await mapConcurrent(posts, CONCURRENCY, (post) => harness.post(post.body, { contentType: post.contentType, query: post.query }));
	await harness.settled();

	expect(wrongAnswers(posts, results)).toEqual([]);
	expect(harness.problems).toEqual([]);
	expect(harness.calls).toBe(POSTS - floodKinds(posts)['truncated application/json']);
	expect(harness.executions.every((execution) => execution.itemCount === 1)).toBe(true);
	expect(harness.executions.map((execution) => deliveryKey(execution.json)).sort()).toEqual(expectedDeliveries(posts));
	harness.reset();
}

beforeAll(async () => {
	await harness.start();
	harness.configure({ parameters: FLOOD_PARAMETERS });
});

afterAll(async () => {
	await harness.stop();
});

describe('trigger => flood', () => {
	it('should build a deterministic mix: 70% valid, 30% malformed, unselected, other company or wrong secret', () => {
		const posts = buildFlood(SEED, POSTS, 100_000);
		expect(posts).toHaveLength(POSTS);
		expect(buildFlood(SEED, POSTS, 100_000)).toEqual(posts);
		expect(floodKinds(posts)).toEqual({
			valid: 700,
			'garbage bytes': 40,
			'truncated JSON': 40,
			'truncated application/json': 15,
			empty: 20,
			'wrong shape': 30,
			'missing notification_type': 30,
			huge: 10,
			'unselected event': 60,
			'other company': 25,
			'wrong URL secret': 20,
			'missing URL secret': 10,
		});
		// Shuffled: the valid posts are spread over the whole run, not grouped.
		expect(posts.slice(0, 100).filter((post) => post.delivers).length).toBeGreaterThan(50);
		expect(posts.slice(-100).filter((post) => post.delivers).length).toBeGreaterThan(50);
		expect(new Set(expectedDeliveries(posts)).size).toBe(700);
	});

	it('should start exactly one workflow per valid post and none for the 30% others, over several rounds', async () => {
		const started = Date.now();
		// Round 2 sets the baseline: round 1 still compiles and caches code paths.
		await flood();
		await flood();
		const baseline = heapAfterGc();
		for (let round = 3; round <= ROUNDS; round++) await flood();
		const growth = heapAfterGc() - baseline;
		const elapsed = Date.now() - started;

		print(
			`trigger flood: ${ROUNDS} rounds x ${POSTS} posts in ${elapsed} ms (${Math.round((ROUNDS * POSTS * 1000) / elapsed)} posts/s); ` +
				`heap after round 2: ${(baseline / 1048576).toFixed(1)} MB, growth by round ${ROUNDS}: ${(growth / 1048576).toFixed(2)} MB`,
		);
		expect(growth).toBeLessThan(HEAP_GROWTH_LIMIT);
	});
});
