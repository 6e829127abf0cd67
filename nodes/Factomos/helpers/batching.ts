import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * How many read requests go out at once (items of a Get, pages of a Return All), from the
 * Batching option. Reads cost the same calls whether sent together or one after the other;
 * the bound only spares a server whose limits the API documentation does not state.
 */

export interface Batching {
	/** Requests sent together; Infinity for all at once. */
	size: number;
	/** Pause between two batches, in milliseconds. */
	intervalMs: number;
}

export const DEFAULT_BATCH_SIZE = 5;
export const SEQUENTIAL: Batching = { size: 1, intervalMs: 0 };

/** The HTTP Request node's conventions: -1 sends everything at once, 0 counts as 1. */
export function readBatching(context: IExecuteFunctions, itemIndex: number): Batching {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const batch = ((options.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
	const size = Number(batch.batchSize ?? DEFAULT_BATCH_SIZE);
	const intervalMs = Number(batch.batchInterval ?? 0);
	return {
		size: size === -1 ? Infinity : Number.isFinite(size) && size >= 1 ? Math.floor(size) : 1,
		intervalMs: Number.isFinite(intervalMs) && intervalMs > 0 ? intervalMs : 0,
	};
}

function settled<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
	return promise.then(
		(value) => ({ status: 'fulfilled', value }),
		(reason: unknown) => ({ status: 'rejected', reason }),
	);
}

/**
 * Runs `run` for 0…count-1 with at most `size` runs waiting at once, and hands each outcome to
 * `take` in index order. `take` returns false (or throws) to stop: nothing further is started,
 * and the runs already started are waited for. With a Batch Interval, runs go in batches of
 * `size`, the next batch starting that long after the previous one has answered, as in n8n's
 * HTTP Request node; without one, a new run starts as soon as the oldest one is taken.
 */
export async function inBatches<T>(
	count: number,
	batching: Batching,
	run: (index: number) => Promise<T>,
	take: (outcome: PromiseSettledResult<T>, index: number) => boolean,
): Promise<void> {
	const started = new Map<number, Promise<PromiseSettledResult<T>>>();
	let next = 0;
	try {
		for (let index = 0; index < count; index++) {
			const batchDone = batching.intervalMs > 0 && index > 0 && index % batching.size === 0;
			if (batchDone) await sleep(batching.intervalMs);
			const until = batching.intervalMs > 0 ? Math.min(count, index - (index % batching.size) + batching.size) : Math.min(count, index + batching.size);
			for (; next < until; next++) started.set(next, settled(run(next)));
			const outcome = await started.get(index)!;
			started.delete(index);
			if (!take(outcome, index)) return;
		}
	} finally {
		await Promise.all(started.values());
	}
}
