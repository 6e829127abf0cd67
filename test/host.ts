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
	vm,
};

/** The repository's root folder (where package.json is), for fixtures, dist/ and .cache/. */
export const REPO_ROOT = path.resolve(__dirname, '..');
