import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

import { DIST } from '../lib/paths';
import type { FigureResult, Row } from '../lib/report';
import { median, nowMs, rotated } from '../lib/stats';
import { path } from '../../test/host';

/**
 * Figure 1: MB/s of the built codec (dist) against raw node:crypto aes-256-cfb8 on the same data.
 * Both sides do the same work the API needs: UTF-8 text in, base64 ciphertext out, and back.
 */

type Codec = typeof import('../../nodes/Factomos/transport/codec');

const SECRET = 'dummy-secret-16b';
const SIZES = [
	{ label: '1 KB', bytes: 1024 },
	{ label: '1 MB', bytes: 1024 * 1024 },
];
const SAMPLE_MS = 200;
const GOAL = 0.9;

/** A form-encoded request body (printable ASCII, as encodeForm produces) of exactly `bytes` bytes. */
function formText(bytes: number): string {
	const fields: string[] = [];
	for (let i = 0; fields.join('&').length < bytes; i++) {
		fields.push(`line_description%5B%5D=Prestation%20n%C2%B0${i}%20%26%20d%C3%A9placement&line_price%5B%5D=${(i * 37.5) % 1000}`);
	}
	return fields.join('&').slice(0, bytes);
}

// Derived once, as a hand-written integration would.
const KEY = Buffer.from(createHash('md5').update(SECRET, 'utf8').digest('hex'), 'ascii');
const IV = Buffer.from(SECRET, 'utf8');

function rawEncrypt(text: string): string {
	const cipher = createCipheriv('aes-256-cfb8', KEY, IV);
	return Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
}

function rawDecrypt(ciphertext: string): string {
	const decipher = createDecipheriv('aes-256-cfb8', KEY, IV);
	return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
}

/** MB/s (10^6 bytes of plaintext) of `iterations` round trips of `text`. */
function throughput(roundTrip: (text: string) => string, text: string, iterations: number): number {
	const start = nowMs();
	for (let i = 0; i < iterations; i++) {
		if (roundTrip(text).length !== text.length) throw new Error('codec bench: the round trip changed the data');
	}
	const seconds = (nowMs() - start) / 1000;
	return (text.length * iterations) / 1e6 / seconds;
}

export async function codecFigure(rounds: number): Promise<FigureResult> {
	const codec = (await import(path.join(DIST, 'nodes', 'Factomos', 'transport', 'codec.js'))) as Codec;
	const variants = {
		ours: (text: string) => codec.decrypt(SECRET, codec.encrypt(SECRET, text)),
		raw: (text: string) => rawDecrypt(rawEncrypt(text)),
	};
	const rows: Row[] = [];
	const details: Record<string, unknown> = {};
	for (const size of SIZES) {
		const text = formText(size.bytes);
		if (codec.encrypt(SECRET, text) !== rawEncrypt(text)) throw new Error('codec bench: the codec and raw crypto disagree');

		// Warm-up, which also sizes each sample to about SAMPLE_MS.
		const warmStart = nowMs();
		let warmRuns = 0;
		while (nowMs() - warmStart < SAMPLE_MS) {
			variants.ours(text);
			variants.raw(text);
			warmRuns++;
		}
		const iterations = Math.max(3, 2 * warmRuns);
		const samples: Record<'ours' | 'raw', number[]> = { ours: [], raw: [] };
		for (let round = 0; round < rounds; round++) {
			for (const name of rotated(['ours', 'raw'] as const, round)) samples[name].push(throughput(variants[name], text, iterations));
		}
		const ours = median(samples.ours);
		const raw = median(samples.raw);
		const ratio = ours / raw;
		rows.push({
			figure: `1. Codec encrypt+decrypt, ${size.label} (MB/s)`,
			ours: ours.toFixed(1),
			baseline: raw.toFixed(1),
			ratio,
			goal: `≥ ${GOAL.toFixed(2)}×`,
			met: ratio >= GOAL,
		});
		details[size.label] = { bytes: size.bytes, iterationsPerSample: iterations, oursMBps: samples.ours, rawMBps: samples.raw };
	}
	return {
		name: 'codec',
		rows,
		notes: [
			`Codec: dist/nodes/Factomos/transport/codec.js encrypt() then decrypt() of a form-encoded body vs raw createCipheriv/createDecipheriv('aes-256-cfb8') with the key derived once; both take and return the same strings (UTF-8 text → base64 → text). MB = 10^6 bytes of plaintext; median of ${rounds} alternating samples of ~${SAMPLE_MS} ms each.`,
		],
		details,
	};
}
