/** Types of scripts/n8n-runtime.js, the installer and launcher of real n8n that the e2e suites and the bench share. */
import type { childProcess } from '../test/host';

export interface Runtime {
	major: number;
	version: string;
	nodeBin: string;
	n8nBin: string;
	env: NodeJS.ProcessEnv;
}

export interface RestResponse {
	status: number;
	/** The parsed body, undefined when it is not JSON; n8n's REST API puts its answer in `data`. */
	json: { data?: unknown } | undefined;
	text: string;
}

export interface RunningN8n {
	url: string;
	/** The `n8n start` server process itself (bin/n8n is a node script, spawned directly). */
	process: childProcess.ChildProcess;
	request(method: string, route: string, body?: unknown): Promise<RestResponse>;
	setupOwner(): Promise<unknown>;
	stop(): Promise<void>;
	logs(): string;
}

/** Which n8n process to start (queue mode: 'worker', 'webhook') and through which launcher script. */
export interface StartOptions {
	command?: 'start' | 'worker' | 'webhook';
	launcher?: string;
	logChars?: number;
}

export const RUNTIMES: Record<string, { n8n: string; node: string }>;
export function ensureN8n(major: number): Runtime;
export function installPackage(userFolder: string): string;
export function n8nEnv(runtime: Runtime, userFolder: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
export function startN8n(
	runtime: Runtime,
	userFolder: string,
	port: number,
	extraEnv?: Record<string, string>,
	options?: StartOptions,
): Promise<RunningN8n>;
