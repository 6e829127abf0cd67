import { FactomosEmulator } from '../../test/emulator';

/** The emulator runs in the bench process, so it can count calls and report violations. */

/** High enough for every run of the bench in one day (the emulator counts per Paris day). */
export const BENCH_QUOTA = 1e9;

export async function startEmulator(options: { seed: boolean }): Promise<FactomosEmulator> {
	const emulator = new FactomosEmulator({ seed: options.seed, quota: BENCH_QUOTA });
	await emulator.start();
	return emulator;
}

/** Forgets what earlier runs recorded, so each run checks only its own calls (and memory stays flat). */
export function clearRecords(emulator: FactomosEmulator): void {
	emulator.calls = [];
	emulator.requests = [];
}

export function assertNoViolations(emulator: FactomosEmulator, what: string): void {
	if (emulator.violations.length > 0) {
		throw new Error(`${what}: the emulator saw protocol violations:\n${emulator.violations.slice(0, 5).join('\n')}`);
	}
}

/** Every recorded call is `action` and succeeded; returns how many there were. */
export function assertCalls(emulator: FactomosEmulator, action: string, expected: number, what: string): void {
	const wrong = emulator.calls.filter((call) => call.action !== action || call.responseCode !== 0);
	if (emulator.calls.length !== expected || wrong.length > 0) {
		const sample = wrong[0] ? ` (first bad: ${wrong[0].action} → ${wrong[0].responseCode})` : '';
		throw new Error(`${what}: expected ${expected} successful ${action} calls, the emulator saw ${emulator.calls.length}${sample}`);
	}
	assertNoViolations(emulator, what);
}
