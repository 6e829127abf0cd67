import { process, setTimeout } from '../../test/host';

/** Small measurement helpers shared by every figure. */

export function nowMs(): number {
	return Number(process.hrtime.bigint()) / 1e6;
}

export function median(values: number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `fn` and returns its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = nowMs();
	const value = await fn();
	return { ms: nowMs() - start, value };
}

/**
 * Round `r` runs the variants rotated by r, so no variant always goes first (cache, GC and
 * database growth then hit every variant alike).
 */
export function rotated<T>(variants: readonly T[], round: number): T[] {
	const shift = round % variants.length;
	return [...variants.slice(shift), ...variants.slice(0, shift)];
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value; throws `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(everyMs);
	}
}
