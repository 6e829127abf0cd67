import { http } from '../host';

/** A POST with node:http, so the request carries exactly the headers given (fetch adds a Content-Type). */

export interface PostResult {
	status: number;
	contentType: string | undefined;
	text: string;
	/** The parsed body, undefined when it is not JSON. */
	json: unknown;
}

/** contentType null sends no Content-Type header (Factomos' raw POST). */
export function postRaw(url: string, body: string | Buffer, contentType: string | null = null): Promise<PostResult> {
	const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	const headers: Record<string, string | number> = { 'Content-Length': payload.length };
	if (contentType !== null) headers['Content-Type'] = contentType;
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let json: unknown;
				try {
					json = JSON.parse(text);
				} catch {
					json = undefined;
				}
				resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], text, json });
			});
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(payload);
	});
}
