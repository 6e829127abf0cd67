import { nowMs } from '../lib/stats';
import { serve } from './serve';
import { http } from '../../test/host';

/**
 * The baseline of figures 2 and 4: posts ready-made request bodies one after the other, as a
 * plain Node.js script would (node:http, the default keep-alive agent), reading every answer.
 */

export interface PlainLoopRequest {
	url: string;
	headers: Record<string, string>;
	bodies: string[];
}

export interface PlainLoopResult {
	ms: number;
	requests: number;
	responseBytes: number;
}

function post(url: string, headers: Record<string, string>, body: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				if (res.statusCode !== 200 || text === '') reject(new Error(`HTTP ${res.statusCode}, ${text.length} bytes`));
				else resolve(text);
			});
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

serve<PlainLoopRequest>(async ({ url, headers, bodies }) => {
	let responseBytes = 0;
	const start = nowMs();
	for (const body of bodies) responseBytes += (await post(url, headers, body)).length;
	const result: PlainLoopResult = { ms: nowMs() - start, requests: bodies.length, responseBytes };
	return result;
});
