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

/**
 * Runs `run` for 0…count-1, `size` at a time, and hands each batch's outcomes to `take` in index
 * order. `take` returns false to stop: no later batch is started.
 */
export async function inBatches<T>(
	count: number,
	batching: Batching,
	run: (index: number) => Promise<T>,
	take: (outcome: PromiseSettledResult<T>, index: number) => boolean | Promise<boolean>,
): Promise<void> {
	for (let start = 0; start < count; start += batching.size) {
		if (start > 0 && batching.intervalMs > 0) await sleep(batching.intervalMs);
		const end = Math.min(count, start + batching.size);
		const pending: Array<Promise<T>> = [];
		for (let index = start; index < end; index++) pending.push(run(index));
		const outcomes = await Promise.allSettled(pending);
		for (let offset = 0; offset < outcomes.length; offset++) {
			if (!(await take(outcomes[offset], start + offset))) return;
		}
	}
}
