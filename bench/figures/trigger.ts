import type { BenchN8n } from '../lib/n8n';
import type { FigureResult } from '../lib/report';
import { median, nowMs, rotated, waitFor } from '../lib/stats';
import type { BenchWorkflow } from '../lib/workflows';
import { http } from '../../test/host';

/**
 * Figure 5: notifications per second through an active Factomos Trigger workflow vs an active
 * Webhook node workflow that answers at once, with the same bodies, headers and concurrency.
 * A run ends when n8n has recorded every execution as successful, not at the last answer.
 */

export const TRIGGER_EVENTS = ['create_invoice', 'update_invoice', 'create_estimate'];
const NOTIFICATIONS = 300;
const WARM_UP = 50;
const CONCURRENCY = 8;
const GOAL = 0.9;

interface Setup {
	n8n: BenchN8n;
	factomos: BenchWorkflow;
	webhook: BenchWorkflow;
	rounds: number;
}

interface TriggerRun {
	/** First POST until every execution is recorded as successful. */
	ms: number;
	/** First POST until the last answer. */
	answeredMs: number;
	perSecond: number;
}

/** Factomos' notification bodies (§8): a raw POST of JSON, without Content-Type. */
function notifications(count: number, offset: number): string[] {
	return Array.from({ length: count }, (_, i) =>
		JSON.stringify({
			company_id: '550',
			notification_type: TRIGGER_EVENTS[i % TRIGGER_EVENTS.length],
			result: { id: String(5001 + offset + i), error: { code: 0, message: 'OK' } },
		}),
	);
}

function post(agent: http.Agent, url: string, body: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', agent, headers: { 'Content-Length': Buffer.byteLength(body) } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

class TriggerBench {
	private readonly agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
	private readonly successCounts = new Map<string, number>();
	private sent = 0;

	constructor(private readonly n8n: BenchN8n) {}

	async run(workflow: BenchWorkflow, count: number): Promise<TriggerRun> {
		const bodies = notifications(count, this.sent);
		this.sent += count;
		const url = `${this.n8n.url}/webhook/${workflow.path}`;
		const id = workflow.file.id;
		const expected = (this.successCounts.get(id) ?? 0) + count;
		let next = 0;
		const start = nowMs();
		const lane = async () => {
			while (next < bodies.length) {
				const status = await post(this.agent, url, bodies[next++]);
				if (status !== 200) throw new Error(`${workflow.file.name}: a notification was answered ${status}`);
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, lane));
		const answeredMs = nowMs() - start;
		await waitFor(`${workflow.file.name}: ${expected} successful executions`, async () =>
			(await this.n8n.executions(id, ['success'])).count >= expected ? true : undefined,
			120_000, 25);
		const ms = nowMs() - start;
		this.successCounts.set(id, expected);
		return { ms, answeredMs, perSecond: count / (ms / 1000) };
	}

	async assertNoFailures(workflow: BenchWorkflow): Promise<void> {
		const failed = await this.n8n.executions(workflow.file.id, ['error', 'crashed']);
		if (failed.count > 0) throw new Error(`${workflow.file.name}: ${failed.count} executions failed`);
	}

	dispose(): void {
		this.agent.destroy();
	}
}

export async function triggerFigure(setup: Setup): Promise<FigureResult> {
	const bench = new TriggerBench(setup.n8n);
	const variants = [setup.factomos, setup.webhook];
	const runs = new Map<BenchWorkflow, TriggerRun[]>(variants.map((variant) => [variant, []]));
	try {
		for (const variant of variants) await bench.run(variant, WARM_UP);
		for (let round = 0; round < setup.rounds; round++) {
			for (const variant of rotated(variants, round)) runs.get(variant)!.push(await bench.run(variant, NOTIFICATIONS));
		}
		for (const variant of variants) await bench.assertNoFailures(variant);
	} finally {
		bench.dispose();
	}
	const ours = median(runs.get(setup.factomos)!.map((run) => run.perSecond));
	const webhook = median(runs.get(setup.webhook)!.map((run) => run.perSecond));
	const ratio = ours / webhook;
	return {
		name: 'trigger',
		rows: [
			{
				figure: '5. Trigger notifications/s',
				ours: ours.toFixed(1),
				baseline: webhook.toFixed(1),
				ratio,
				goal: `≥ ${GOAL.toFixed(2)}×`,
				met: ratio >= GOAL,
			},
		],
		notes: [
			`Trigger: ${NOTIFICATIONS} Factomos notifications (raw JSON POST without Content-Type, ${TRIGGER_EVENTS.join('/')}) per run, ${CONCURRENCY} at a time, to an active workflow "Factomos Trigger (those events, no Fetch Full Object) → No Operation" vs "Webhook (respond immediately) → No Operation" in the same n8n ${setup.n8n.version}; a run is timed from the first POST until n8n lists every execution as successful (polled every 25 ms). Median of ${setup.rounds} alternating rounds after a warm-up of ${WARM_UP}.`,
		],
		details: {
			notificationsPerRun: NOTIFICATIONS,
			concurrency: CONCURRENCY,
			factomosTrigger: runs.get(setup.factomos),
			webhookNode: runs.get(setup.webhook),
		},
	};
}
