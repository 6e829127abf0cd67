import { assertCalls, clearRecords, startEmulator } from '../lib/emulator';
import type { FigureResult } from '../lib/report';
import { median, rotated } from '../lib/stats';
import { Worker } from '../lib/worker';
import type { PlainLoopRequest, PlainLoopResult } from '../workers/plainLoop';
import type { ReturnAllResult } from '../workers/returnAll';
import { fs, os, path, process } from '../../test/host';

/**
 * Figure 4: Return All over 10,000 invoices. The emulator lives here and counts the calls; the
 * node runs in a fresh child per round that reports its own RSS. The wall time is set beside a
 * plain loop replaying the node's 200 requests (on the same Node.js as the child).
 */

const INVOICES = 10_000;
const PAGE_SIZE = 50;
const EXPECTED_CALLS = INVOICES / PAGE_SIZE;
const RSS_GOAL_MB = 100;
const MB = 1024 * 1024;

type Variant = 'node' | 'plain';

export async function returnAllFigure(rounds: number): Promise<FigureResult> {
	const emulator = await startEmulator({ seed: false });
	emulator.addInvoices(INVOICES, { status: 'pending' });
	const credentials = { token: emulator.token, secret: emulator.secret, baseUrl: emulator.baseUrl };
	// n8n-core writes its instance settings into the user folder: keep them out of ~/.n8n.
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'factomos-bench-'));
	const env = { ...process.env, N8N_USER_FOLDER: userFolder, N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false', N8N_DIAGNOSTICS_ENABLED: 'false' };
	const plainLoop = Worker.start('plainLoop');
	let request: PlainLoopRequest | undefined;
	const nodeRuns: ReturnAllResult[] = [];
	const plainMs: number[] = [];
	const calls: number[] = [];

	const runNode = async () => {
		const child = Worker.start('returnAll', { nodeArgs: ['--expose-gc'], env });
		try {
			const warmUpCalls = 1;
			clearRecords(emulator);
			const result = await child.request<ReturnAllResult>({ credentials });
			calls.push(emulator.calls.length - warmUpCalls);
			if (result.items !== INVOICES || result.distinctIds !== INVOICES) {
				throw new Error(`Return All output ${result.items} items (${result.distinctIds} distinct), not ${INVOICES}`);
			}
			emulator.calls.splice(0, warmUpCalls);
			assertCalls(emulator, 'listInvoice', EXPECTED_CALLS, 'Return All');
			const requests = emulator.requests.filter((entry) => entry.path === '/api/api.php').slice(warmUpCalls);
			request ??= {
				url: `${emulator.baseUrl}/api/api.php`,
				headers: { 'Content-Type': String(requests[0].headers['content-type']), Accept: String(requests[0].headers.accept ?? '*/*') },
				bodies: requests.map((entry) => entry.body),
			};
			nodeRuns.push(result);
		} finally {
			await child.stop();
		}
	};
	const runPlain = async () => {
		clearRecords(emulator);
		const result = await plainLoop.request<PlainLoopResult>(request!);
		assertCalls(emulator, 'listInvoice', EXPECTED_CALLS, 'plain loop');
		plainMs.push(result.ms);
	};

	try {
		// Each node child warms up on its own. Round 0's node run records the requests the plain
		// loop replays, so the plain loop warms up after it.
		await runNode();
		await plainLoop.request<PlainLoopResult>(request!);
		await runPlain();
		for (let round = 1; round < rounds; round++) {
			for (const variant of rotated<Variant>(['node', 'plain'], round)) await (variant === 'node' ? runNode() : runPlain());
		}
	} finally {
		await plainLoop.stop();
		await emulator.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}

	const wallMs = median(nodeRuns.map((run) => run.ms));
	const loopMs = median(plainMs);
	const growth = nodeRuns.map((run) => (run.rssPeakSampled - run.rssBefore) / MB);
	const maxGrowth = Math.max(...growth);
	const upperBound = Math.max(...nodeRuns.map((run) => (run.maxRss - run.rssBefore) / MB));
	const callCount = Math.max(...calls);
	const heapGrowth = median(nodeRuns.map((run) => (run.heapAfter - run.heapBefore) / MB));
	return {
		name: 'returnAll',
		rows: [
			{
				figure: `4. Return All ${INVOICES.toLocaleString('en')} invoices: API calls`,
				ours: String(callCount),
				baseline: `${EXPECTED_CALLS} (${INVOICES}/${PAGE_SIZE})`,
				ratio: callCount / EXPECTED_CALLS,
				goal: `= ${EXPECTED_CALLS}`,
				met: calls.every((count) => count === EXPECTED_CALLS),
			},
			{
				figure: '4. Return All: wall time (ms)',
				ours: wallMs.toFixed(0),
				baseline: loopMs.toFixed(0),
				ratio: wallMs / loopMs,
				goal: '—',
				met: null,
			},
			{
				figure: '4. Return All: peak RSS growth (MB)',
				ours: maxGrowth.toFixed(1),
				baseline: '—',
				ratio: null,
				goal: `< ${RSS_GOAL_MB} MB`,
				met: maxGrowth < RSS_GOAL_MB,
			},
		],
		notes: [
			`Return All: Invoice → Get Many (status pending, Return All) over ${INVOICES} invoices, run by test/helpers/n8n.ts runNode (n8n-core's real ExecuteContext, real HTTP) in a fresh child process per round (${process.version}); API calls counted by the emulator in the bench process (the child's one-page warm-up call excluded). Wall time beside a plain loop replaying the node's ${EXPECTED_CALLS} request bodies. RSS growth = highest RSS sampled every 2 ms during the run minus RSS after warm-up and GC; the worst of ${rounds} rounds is shown (the kernel's ru_maxrss gives an upper bound of ${upperBound.toFixed(1)} MB). RSS barely moves because the process already holds more memory than the run needs: the V8 heap in use after GC, with the ${INVOICES} output items still held, grew by ${heapGrowth.toFixed(1)} MB (median).`,
		],
		details: { nodeRuns, plainLoopMs: plainMs, calls, rssGrowthMB: growth, rssGrowthUpperBoundMB: upperBound, heapGrowthMB: heapGrowth },
	};
}
