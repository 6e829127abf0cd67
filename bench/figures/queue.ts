import { type QueueProcess, QueueCluster, QueueServices } from '../../test/e2e/queue';
import { countExecutions, waitForRegistered } from '../../test/e2e/support';
import type { BenchN8n } from '../lib/n8n';
import type { FigureResult, Row } from '../lib/report';
import type { BenchWorkflow } from '../lib/workflows';
import { CONCURRENCY, cpuText, medianRate, NOTIFICATIONS, runVariants, singleProcess, type TriggerRun, type TriggerTarget, type TriggerVariant } from './trigger';

/**
 * Figure 6: the trigger in n8n's queue mode. The notifications of figure 5 go to a webhook
 * processor that queues each run in Redis for the workers (PostgreSQL holds the executions), with
 * one worker and then two; beside the same workflows in the bench's single-process n8n, and beside
 * n8n's Webhook node in the same cluster, in the same rotated rounds. The cluster runs
 * docs/queue-mode/queue.env (lazy acquire on); on 2.x a second webhook processor with n8n's default
 * (no lazy acquire) gets the same posts.
 */

export const LAZY_ENV = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };
const DEFAULT_ACQUIRE_ENV = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'false' };

export interface QueueBench {
	cluster: QueueCluster;
	/** The webhook processor as queue.env starts it. */
	lazy: QueueProcess;
	/** One with n8n's default, when the n8n major has the setting. */
	eager?: QueueProcess;
}

/**
 * PostgreSQL, Redis and a cluster (main, one worker, one or two webhook processors) with the
 * workflows active. Every stop is handed to `cleanup`, so the bench stops them on any exit.
 */
export async function startQueueBench(
	major: number,
	workflows: BenchWorkflow[],
	withEager: boolean,
	cleanup: (stop: () => Promise<void>) => void,
): Promise<QueueBench> {
	const services = await QueueServices.start();
	cleanup(() => services.stop());
	const cluster = await QueueCluster.create(major, services);
	cleanup(() => cluster.dispose());
	await cluster.main.importFile('workflow', workflows.map((workflow) => workflow.file));
	for (const workflow of workflows) await cluster.main.activate(workflow.file.id);
	await (await cluster.startMain()).setupOwner();
	const [, lazy, eager] = await Promise.all([
		cluster.startProcess('worker'),
		cluster.startProcess('webhook'),
		withEager ? cluster.startProcess('webhook', { env: DEFAULT_ACQUIRE_ENV }) : undefined,
	]);
	for (const hook of eager ? [lazy, eager] : [lazy]) {
		for (const workflow of workflows) await waitForRegistered(cluster.label, `${hook.server.url}/webhook/${workflow.path}`);
	}
	return { cluster, lazy, eager };
}

function queueTarget(cluster: QueueCluster, hook: QueueProcess, label: string): TriggerTarget {
	return {
		label,
		webhookBase: `${hook.server.url}/webhook`,
		count: (workflowId, status) => countExecutions(cluster.server, workflowId, status),
		pids: () => {
			const pids: Record<string, number> = { 'webhook processor': hook.server.process.pid! };
			cluster.processes
				.filter((entry) => entry.command === 'worker')
				.forEach((entry, index) => (pids[`worker ${index + 1}`] = entry.server.process.pid!));
			pids.main = cluster.server.process.pid!;
			return pids;
		},
	};
}

interface Setup {
	single: BenchN8n;
	queue: QueueBench;
	factomos: BenchWorkflow;
	webhook: BenchWorkflow;
	rounds: number;
}

interface Pair {
	label: string;
	factomos: TriggerVariant;
	webhook: TriggerVariant;
}

function pair(label: string, target: TriggerTarget, setup: Setup): Pair {
	return {
		label,
		factomos: { name: `${label}: Factomos Trigger`, target, workflow: setup.factomos },
		webhook: { name: `${label}: Webhook node`, target, workflow: setup.webhook },
	};
}

export async function queueFigure(setup: Setup): Promise<FigureResult> {
	const { cluster, eager, lazy } = setup.queue;
	const hooks = (workers: string) => [
		pair(`queue, ${workers}`, queueTarget(cluster, lazy, `queue, ${workers}`), setup),
		...(eager ? [pair(`queue, ${workers}, webhook processor without lazy acquire`, queueTarget(cluster, eager, `queue, ${workers}, eager`), setup)] : []),
	];
	const phases: Pair[][] = [[pair('single process', singleProcess(setup.single), setup), ...hooks('1 worker')], hooks('2 workers')];

	const runs = new Map<TriggerVariant, TriggerRun[]>();
	for (const [index, pairs] of phases.entries()) {
		if (index === 1) await cluster.startProcess('worker');
		const measured = await runVariants(pairs.flatMap((entry) => [entry.factomos, entry.webhook]), setup.rounds);
		for (const [variant, variantRuns] of measured) runs.set(variant, variantRuns);
	}

	const rows: Row[] = [];
	const notes: string[] = [];
	for (const entry of phases.flat()) {
		const factomos = runs.get(entry.factomos)!;
		const webhook = runs.get(entry.webhook)!;
		const ours = medianRate(factomos);
		const baseline = medianRate(webhook);
		rows.push({ figure: `6. Trigger notifications/s, ${entry.label}`, ours: ours.toFixed(1), baseline: baseline.toFixed(1), ratio: ours / baseline, goal: '—', met: null });
		notes.push(`${entry.label}: CPU per notification, Factomos Trigger: ${cpuText(factomos)}; Webhook node: ${cpuText(webhook)}.`);
	}
	notes.unshift(
		`Queue mode: n8n ${cluster.main.runtime.version} main + workers (concurrency 10) + webhook processor on PostgreSQL and Redis, each in its own process started by docs/queue-mode/n8n-queue.sh with docs/queue-mode/queue.env (N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true everywhere, but on the webhook processor "without lazy acquire"); the figure-5 workflows and posts (${NOTIFICATIONS} per run, ${CONCURRENCY} at a time) sent to the webhook processor; a run ends when main lists every execution as successful. Baseline: n8n's Webhook node in the same set-up. "single process" is the bench's n8n of figure 5 in the same rounds. The ${setup.rounds} rounds of the 1-worker variants alternate, then a second worker starts and the 2-worker variants alternate. CPU = user + system time of each process over a run (/proc), divided by the notifications.`,
	);
	return {
		name: 'queue',
		rows,
		notes,
		details: {
			notificationsPerRun: NOTIFICATIONS,
			concurrency: CONCURRENCY,
			...Object.fromEntries([...runs].map(([variant, variantRuns]) => [variant.name, variantRuns])),
		},
	};
}
