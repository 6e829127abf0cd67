import { cpuMs } from '../../test/e2e/queue';
import type { BenchN8n } from '../lib/n8n';
import type { FigureResult, Row } from '../lib/report';
import { median, nowMs, rotated, waitFor } from '../lib/stats';
import type { BenchWorkflow } from '../lib/workflows';
import { http } from '../../test/host';

/**
 * Figure 5: notifications per second through an active Factomos Trigger workflow vs an active
 * Webhook node workflow that answers at once, with the same bodies, headers and concurrency.
 * A run ends when n8n has recorded every execution as successful, not at the last answer.
 */

export const TRIGGER_EVENTS = ['create_invoice', 'update_invoice', 'create_estimate'];
export const NOTIFICATIONS = 300;
const WARM_UP = 50;
export const CONCURRENCY = 8;
const GOAL = 0.9;

/** An n8n set-up that receives the notifications: one process, or a queue-mode cluster. */
export interface TriggerTarget {
	label: string;
	/** Production webhook base URL, e.g. http://127.0.0.1:5678/webhook. */
	webhookBase: string;
	/** How many executions of a workflow have one of the statuses. */
	count(workflowId: string, status: string[]): Promise<number>;
	/** The processes whose CPU time is measured, by role. */
	pids(): Record<string, number>;
}

/** One side of a comparison: a workflow (Factomos Trigger or Webhook node) in a target. */
export interface TriggerVariant {
	name: string;
	target: TriggerTarget;
	workflow: BenchWorkflow;
}

/** The single-process n8n of the bench as a target. */
export function singleProcess(n8n: BenchN8n, label = 'single process'): TriggerTarget {
	return {
		label,
		webhookBase: `${n8n.url}/webhook`,
		count: async (workflowId, status) => (await n8n.executions(workflowId, status)).count,
		pids: () => ({ n8n: n8n.pid }),
	};
}

interface Setup {
	n8n: BenchN8n;
	factomos: BenchWorkflow;
	webhook: BenchWorkflow;
	rounds: number;
	/** The same workflows in another n8n started with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (2.x). */
	lazy?: BenchN8n;
}

export interface TriggerRun {
	/** First POST until every execution is recorded as successful. */
	ms: number;
	/** First POST until the last answer. */
	answeredMs: number;
	perSecond: number;
	/** CPU time per notification of each measured process, in ms. */
	cpuMsPerNotification: Record<string, number>;
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

	async run({ target, workflow }: TriggerVariant, count: number): Promise<TriggerRun> {
		const bodies = notifications(count, this.sent);
		this.sent += count;
		const url = `${target.webhookBase}/${workflow.path}`;
		const id = workflow.file.id;
		const key = `${target.label}/${id}`;
		// Another figure may have run this workflow before: start from what n8n has recorded.
		const expected = (this.successCounts.get(key) ?? (await target.count(id, ['success']))) + count;
		const pids = target.pids();
		const cpuBefore = Object.fromEntries(Object.entries(pids).map(([role, pid]) => [role, cpuMs(pid)]));
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
		await waitFor(`${target.label}, ${workflow.file.name}: ${expected} successful executions`, async () =>
			(await target.count(id, ['success'])) >= expected ? true : undefined,
			120_000, 25);
		const ms = nowMs() - start;
		this.successCounts.set(key, expected);
		const cpuMsPerNotification = Object.fromEntries(Object.entries(pids).map(([role, pid]) => [role, (cpuMs(pid) - cpuBefore[role]) / count]));
		return { ms, answeredMs, perSecond: count / (ms / 1000), cpuMsPerNotification };
	}

	async assertNoFailures({ target, workflow }: TriggerVariant): Promise<void> {
		const failed = await target.count(workflow.file.id, ['error', 'crashed']);
		if (failed > 0) throw new Error(`${target.label}, ${workflow.file.name}: ${failed} executions failed`);
	}

	dispose(): void {
		this.agent.destroy();
	}
}

/**
 * Runs every variant once as a warm-up, then `rounds` rounds of NOTIFICATIONS each, in an order
 * rotated every round, and checks that no execution failed. Returns the runs of each variant.
 */
export async function runVariants(variants: TriggerVariant[], rounds: number): Promise<Map<TriggerVariant, TriggerRun[]>> {
	const bench = new TriggerBench();
	const runs = new Map<TriggerVariant, TriggerRun[]>(variants.map((variant) => [variant, []]));
	try {
		for (const variant of variants) await bench.run(variant, WARM_UP);
		for (let round = 0; round < rounds; round++) {
			for (const variant of rotated(variants, round)) runs.get(variant)!.push(await bench.run(variant, NOTIFICATIONS));
		}
		for (const variant of variants) await bench.assertNoFailures(variant);
	} finally {
		bench.dispose();
	}
	return runs;
}

export function medianRate(runs: TriggerRun[]): number {
	return median(runs.map((run) => run.perSecond));
}

/** Median CPU ms per notification of each role over the runs, e.g. "webhook 7.1 + worker 3.0 ms". */
export function cpuText(runs: TriggerRun[]): string {
	const roles = Object.keys(runs[0]?.cpuMsPerNotification ?? {});
	return roles.map((role) => `${role} ${median(runs.map((run) => run.cpuMsPerNotification[role])).toFixed(1)}`).join(' + ') + ' ms';
}

export async function triggerFigure(setup: Setup): Promise<FigureResult> {
	const eager = singleProcess(setup.n8n);
	const variants: TriggerVariant[] = [
		{ name: 'factomosTrigger', target: eager, workflow: setup.factomos },
		{ name: 'webhookNode', target: eager, workflow: setup.webhook },
	];
	if (setup.lazy) {
		const lazy = singleProcess(setup.lazy, 'single process, lazy acquire');
		variants.push({ name: 'factomosTriggerLazy', target: lazy, workflow: setup.factomos }, { name: 'webhookNodeLazy', target: lazy, workflow: setup.webhook });
	}
	const runs = await runVariants(variants, setup.rounds);
	const [factomos, webhook] = variants.map((variant) => runs.get(variant)!);
	const ours = medianRate(factomos);
	const baseline = medianRate(webhook);
	const ratio = ours / baseline;
	const rows: Row[] = [
		{
			figure: '5. Trigger notifications/s',
			ours: ours.toFixed(1),
			baseline: baseline.toFixed(1),
			ratio,
			goal: `≥ ${GOAL.toFixed(2)}×`,
			met: ratio >= GOAL,
		},
	];
	const notes = [
		`Trigger: ${NOTIFICATIONS} Factomos notifications (raw JSON POST without Content-Type, ${TRIGGER_EVENTS.join('/')}) per run, ${CONCURRENCY} at a time, to an active workflow "Factomos Trigger (those events, no Fetch Full Object) → No Operation" vs "Webhook (respond immediately) → No Operation" in the same n8n ${setup.n8n.version}; a run is timed from the first POST until n8n lists every execution as successful (polled every 25 ms). Median of ${setup.rounds} alternating rounds after a warm-up of ${WARM_UP}. n8n CPU per notification: trigger ${cpuText(factomos)}, Webhook node ${cpuText(webhook)}.`,
	];
	if (setup.lazy) {
		const [lazyFactomos, lazyWebhook] = variants.slice(2).map((variant) => runs.get(variant)!);
		const lazyOurs = medianRate(lazyFactomos);
		const lazyBaseline = medianRate(lazyWebhook);
		rows.push({
			figure: '5. … with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
			ours: lazyOurs.toFixed(1),
			baseline: lazyBaseline.toFixed(1),
			ratio: lazyOurs / lazyBaseline,
			goal: `≥ ${GOAL.toFixed(2)}×`,
			met: lazyOurs / lazyBaseline >= GOAL,
		});
		notes.push(
			`Lazy acquire: the same two workflows in a second n8n ${setup.lazy.version} started with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, in the same rounds (the four variants alternate). Trigger ${lazyOurs.toFixed(1)}/s with lazy acquire vs ${ours.toFixed(1)}/s without (${(lazyOurs / ours).toFixed(2)}×); n8n CPU per notification: trigger ${cpuText(lazyFactomos)}, Webhook node ${cpuText(lazyWebhook)}.`,
		);
	}
	return {
		name: 'trigger',
		rows,
		notes,
		details: {
			notificationsPerRun: NOTIFICATIONS,
			concurrency: CONCURRENCY,
			...Object.fromEntries(variants.map((variant) => [variant.name, runs.get(variant)])),
		},
	};
}
