/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tests, the emulator, the bench and the tools run in Node.js, never inside n8n Cloud; this module is their one door to Node's host APIs, so the cloud rules stay on everywhere else, shipped code included */
import assert from 'node:assert/strict';
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import * as querystring from 'node:querystring';
import { clearInterval, clearTimeout, setImmediate, setInterval, setTimeout } from 'node:timers';
import * as timersPromises from 'node:timers/promises';
import * as util from 'node:util';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export {
	assert,
	childProcess,
	clearInterval,
	clearTimeout,
	createRequire,
	fs,
	fsp,
	http,
	net,
	os,
	path,
	process,
	querystring,
	setImmediate,
	setInterval,
	setTimeout,
	timersPromises,
	util,
	v8,
	vm,
};

/** The repository's root folder (where package.json is), for fixtures, dist/ and .cache/. */
export const REPO_ROOT = path.resolve(__dirname, '..');

/** V8's gc(), only there when Node.js runs with --expose-gc (the bench's returnAll worker). */
export const gc = (globalThis as { gc?: () => void }).gc;

/** console.log for the bench, the emulator CLI and the tests' reports, which the lint's no-console keeps out of code. */
export function print(...values: unknown[]): void {
	process.stdout.write(`${util.format(...values)}\n`);
}

/** console.error, likewise. */
export function printError(...values: unknown[]): void {
	process.stderr.write(`${util.format(...values)}\n`);
}

// Starting processes happens here only (use these helpers, not childProcess's functions), so the lint's rule is lifted here alone.
/* eslint-disable @n8n/community-nodes/no-dangerous-functions -- tests and the bench start PHP (codec cross-check), the emulator CLI, n8n's CLI and their own workers, with fixed commands; shipped code never imports this module */

/** Runs a command to completion (the codec's PHP cross-check). */
export function spawnSync(command: string, args: string[], options: childProcess.SpawnSyncOptionsWithStringEncoding): childProcess.SpawnSyncReturns<string> {
	return childProcess.spawnSync(command, args, options);
}

/** Starts a command (the emulator CLI under test). */
export function spawn(command: string, args: string[], options: childProcess.SpawnOptions): childProcess.ChildProcess {
	return childProcess.spawn(command, args, options);
}

/** Starts a Node.js script with an IPC channel (the bench's workers). */
export function fork(modulePath: string, args: string[], options: childProcess.ForkOptions): childProcess.ChildProcess {
	return childProcess.fork(modulePath, args, options);
}

/** Runs a command without blocking and hands its output to `callback` (n8n's CLI in the e2e suites). */
export function execFile(
	file: string,
	args: string[],
	options: childProcess.ExecFileOptionsWithStringEncoding,
	callback: (error: childProcess.ExecFileException | null, stdout: string, stderr: string) => void,
): childProcess.ChildProcess {
	return childProcess.execFile(file, args, options, callback);
}
/* eslint-enable @n8n/community-nodes/no-dangerous-functions */
