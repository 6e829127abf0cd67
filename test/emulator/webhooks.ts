import { phpJsonEncode } from './php';
import { http } from '../host';

export interface WebhookDelivery {
	url: string;
	body: string;
	contentType: string | null;
	status?: number;
	error?: string;
}

const DELIVERY_TIMEOUT_MS = 5000;

/** Sends raw-POST notifications (§8) and keeps a record of every delivery. */
export class WebhookSender {
	readonly deliveries: WebhookDelivery[] = [];
	contentType: string | null;
	private readonly pending = new Set<Promise<void>>();
	private readonly inFlight = new Set<ReturnType<typeof http.request>>();

	constructor(contentType: string | null) {
		this.contentType = contentType;
	}

	/** Starts the POST now and records it immediately, so settled() can always see it. */
	send(url: string, payload: unknown): Promise<void> {
		const body = phpJsonEncode(payload);
		const delivery: WebhookDelivery = { url, body, contentType: this.contentType };
		this.deliveries.push(delivery);
		const promise = new Promise<void>((resolve) => {
			const finish = () => {
				this.inFlight.delete(req);
				resolve();
			};
			const headers: Record<string, string | number> = { 'Content-Length': Buffer.byteLength(body) };
			if (this.contentType !== null) headers['Content-Type'] = this.contentType;
			let req: ReturnType<typeof http.request>;
			try {
				req = http.request(url, { method: 'POST', headers, timeout: DELIVERY_TIMEOUT_MS });
			} catch (error) {
				delivery.error = (error as Error).message;
				resolve();
				return;
			}
			this.inFlight.add(req);
			req.on('response', (res) => {
				delivery.status = res.statusCode;
				res.resume();
				res.on('end', finish);
				res.on('error', finish);
			});
			req.on('timeout', () => req.destroy(new Error('webhook delivery timed out')));
			req.on('error', (error) => {
				delivery.error = error.message;
				finish();
			});
			req.end(body);
		});
		this.pending.add(promise);
		void promise.then(() => this.pending.delete(promise));
		return promise;
	}

	async settled(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	abortAll(): void {
		for (const req of this.inFlight) req.destroy(new Error('emulator stopped'));
	}

	clear(): void {
		this.deliveries.length = 0;
	}
}
