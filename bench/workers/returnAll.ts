import type { INodeParameters } from 'n8n-workflow';

import { runNode, type TestCredentials } from '../../test/helpers/n8n';
import { nowMs } from '../lib/stats';
import { serve } from './serve';
import { clearInterval, gc, process, setInterval } from '../../test/host';

/**
 * Figure 4, in a fresh child so the emulator's memory is not counted: Invoice → Get Many with
 * Return All through n8n-core's real ExecuteContext, sampling this process's RSS meanwhile.
 */

export interface ReturnAllResult {
	ms: number;
	items: number;
	distinctIds: number;
	rssBefore: number;
	/** Highest RSS seen by the sampler or right after the run. */
	rssPeakSampled: number;
	/** The kernel's high-water mark for the whole process life (ru_maxrss), an upper bound. */
	maxRss: number;
	/** V8 heap in use after GC, before the run and after it with the 10,000 items still held. */
	heapBefore: number;
	heapAfter: number;
}

const SAMPLE_EVERY_MS = 2;
const LIST: INodeParameters = { resource: 'invoice', operation: 'getAll', invoice_status: 'pending' };

serve<{ credentials: TestCredentials }>(async ({ credentials }) => {
	// Warm-up on one page (code loaded, JIT, connection), then a clean heap for the baseline.
	await runNode(credentials, { ...LIST, returnAll: false, limit: 50 });
	gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const rssBefore = process.memoryUsage.rss();
	let rssPeakSampled = rssBefore;
	const sampler = setInterval(() => {
		rssPeakSampled = Math.max(rssPeakSampled, process.memoryUsage.rss());
	}, SAMPLE_EVERY_MS);
	const start = nowMs();
	const output = await runNode(credentials, { ...LIST, returnAll: true });
	const ms = nowMs() - start;
	rssPeakSampled = Math.max(rssPeakSampled, process.memoryUsage.rss());
	clearInterval(sampler);
	gc?.();
	const heapAfter = process.memoryUsage().heapUsed;
	const result: ReturnAllResult = {
		ms,
		items: output.length,
		distinctIds: new Set(output.map((item) => item.json.id)).size,
		rssBefore,
		rssPeakSampled,
		maxRss: process.resourceUsage().maxRSS * 1024,
		heapBefore,
		heapAfter,
	};
	return result;
});
