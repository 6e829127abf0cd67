import { randomBytes } from 'node:crypto';
import { ApiResponse, Notification, checkParams, executeAction, fail, isKnownAction } from './actions';
import { ResponseMode, decryptBytes, encodeResponse, isPrintableAscii, isStrictBase64 } from './crypto';
import { docExampleBody } from './docExamples';
import { parisDate } from './format';
import { PhpParams, parseStrDetailed, phpJsonEncode, phpString } from './php';
import { AddInvoicesOptions, addInvoices, seedStore } from './seed';
import { ERR, ErrorDef, NOTIFICATION_TYPES } from './spec';
import { Store, TokenRecord } from './store';
import { WebhookDelivery, WebhookSender } from './webhooks';
import { clearTimeout, http, net, setTimeout } from '../host';

export type { ResponseMode } from './crypto';


export interface EmulatorOptions {
	token?: string;
	secret?: string;
	responseMode?: ResponseMode;
	quota?: number;
	webhookUrl?: string;
	/** null (default) sends no Content-Type header, like Factomos' raw POST. */
	webhookContentType?: string | null;
	/** Whether the main token may call deleteAccount/updateAccount. */
	partner?: boolean;
	companyId?: string;
	seed?: boolean;
	host?: string;
	port?: number;
	/** Answers successful calls with the documentation's example bodies, as written (docExamples.ts). */
	docExamples?: boolean;
	/** Fixed delay before every api.php answer, like a remote server's round trip (default 0). */
	latencyMs?: number;
}

export type FaultType = 'timeout' | 'reset' | 'http500' | 'http502' | 'empty' | 'truncated' | 'wrongSecret' | 'invalidJson' | 'quota' | 'slow';

export interface Fault {
	type: FaultType;
	/** Only calls of this action match; any call when left out. */
	action?: string;
	/** How many matching calls to fault (default: all). */
	times?: number;
	/** How many matching calls to let through first, e.g. 1 to fault only a batch's second item. */
	skip?: number;
	delayMs?: number;
}

export interface ApiCall {
	action?: string;
	params: Record<string, unknown>;
	plaintext?: string;
	token?: string;
	/** The error code answered; FAULT_RESPONSE_CODE when a fault replaced the answer. */
	responseCode: number;
	fault?: FaultType;
	at: number;
}

export interface RawRequest {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** responseCode of a call whose answer a fault replaced (no code was sent). */
export const FAULT_RESPONSE_CODE = -999;

const MAIN_USER_ID = '568';
const MAIN_USERNAME = 'contact@factomos.com';
const SESSION_LIFETIME_MS = 6 * 3600 * 1000;
const WRONG_SECRET = 'not-the-secret!!';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const REFUSED_MS = 500;
const PREFILL_FIELDS = ['client_id', 'client_company_name', 'estimate_attention', 'objet', 'estimate_comment', 'custom'];

function htmlEscape(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function errorPage(status: number, title: string): string {
	return `<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><hr><address>nginx</address></body></html>\n`;
}

export class FactomosEmulator {
	readonly token: string;
	readonly secret: string;
	readonly companyId: string;
	readonly appOnlyToken: string;
	readonly store = new Store();
	calls: ApiCall[] = [];
	requests: RawRequest[] = [];
	violations: string[] = [];

	private readonly options: Required<Omit<EmulatorOptions, 'webhookUrl' | 'webhookContentType'>>;
	private responseMode: ResponseMode;
	private docExamples: boolean;
	private quota: number;
	private latencyMs: number;
	private webhookUrl: string | null;
	private readonly webhooks: WebhookSender;
	private readonly quotaCounters = new Map<string, { day: string; count: number }>();
	private readonly initialWebhookUrl: string | null;
	private fault: (Fault & { remaining: number; toSkip: number }) | null = null;
	private refusal: { answers: number; action?: string; ms: number } | null = null;
	private server: http.Server | null = null;
	private url = '';
	private readonly sockets = new Set<net.Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private listening: { port: number; host: string } | null = null;

	constructor(options: EmulatorOptions = {}) {
		this.options = {
			token: options.token ?? 'demo-token',
			secret: options.secret ?? 'demo-secret-1234',
			responseMode: options.responseMode ?? 'urlencoded',
			quota: options.quota ?? 500,
			partner: options.partner ?? true,
			companyId: options.companyId ?? '550',
			seed: options.seed ?? false,
			host: options.host ?? '127.0.0.1',
			port: options.port ?? 0,
			docExamples: options.docExamples ?? false,
			latencyMs: options.latencyMs ?? 0,
		};
		this.token = this.options.token;
		this.secret = this.options.secret;
		this.companyId = this.options.companyId;
		this.appOnlyToken = `${this.token}-app-only`;
		this.responseMode = this.options.responseMode;
		this.docExamples = this.options.docExamples;
		this.quota = this.options.quota;
		this.latencyMs = this.options.latencyMs;
		this.initialWebhookUrl = options.webhookUrl ?? null;
		this.webhookUrl = this.initialWebhookUrl;
		this.webhooks = new WebhookSender(options.webhookContentType ?? null);
		this.initAccounts();
		if (this.options.seed) this.seed();
	}

	get baseUrl(): string {
		return this.url;
	}

	get webhookDeliveries(): WebhookDelivery[] {
		return this.webhooks.deliveries;
	}

	start(): Promise<string> {
		if (this.server) return Promise.resolve(this.url);
		const server = http.createServer((req, res) => this.onRequest(req, res));
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.server = server;
		return new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.options.port, this.options.host, () => {
				const address = server.address();
				const port = typeof address === 'object' && address ? address.port : this.options.port;
				const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
				this.url = `http://${host}:${port}`;
				this.listening = { port, host: this.options.host };
				resolve(this.url);
			});
		});
	}

	stop(): Promise<void> {
		const server = this.server;
		this.server = null;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.webhooks.abortAll();
		if (!server) return Promise.resolve();
		return new Promise((resolve) => {
			server.close(() => resolve());
			// Hanging (timeout fault) and keep-alive sockets would otherwise hold close() forever.
			for (const socket of this.sockets) socket.destroy();
			server.closeAllConnections();
		});
	}

	webhooksSettled(): Promise<void> {
		return this.webhooks.settled();
	}

	setResponseMode(mode: ResponseMode): void {
		this.responseMode = mode;
	}

	setDocExamples(on: boolean): void {
		this.docExamples = on;
	}

	setQuota(n: number): void {
		this.quota = n;
	}

	/** Sets the fixed delay added before every api.php answer (0 for none). */
	setLatency(ms: number): void {
		this.latencyMs = ms;
	}

	resetQuota(): void {
		this.quotaCounters.clear();
	}

	setFault(fault: Fault | null): void {
		this.fault = fault ? { ...fault, remaining: fault.times ?? Infinity, toSkip: fault.skip ?? 0 } : null;
	}

	/**
	 * Refuses connections the way a closed port does (ECONNREFUSED), which no answer can imitate:
	 * after `after` more api.php answers (to `action` only, when given; at once when 0) the port
	 * closes, and it opens again `ms` later.
	 */
	refuseConnectionsAfter(after: number, options: { action?: string; ms?: number } = {}): void {
		const ms = options.ms ?? REFUSED_MS;
		this.refusal = after > 0 ? { answers: after, action: options.action, ms } : null;
		if (after <= 0) this.refuseConnections(ms);
	}

	setWebhookUrl(url: string | null): void {
		this.webhookUrl = url;
		const main = this.store.tokens.get(this.token);
		if (main) main.webhookUrl = url;
	}

	/** Sends any §8 notification for the main account to every webhook of that account. */
	async emitWebhook(
		notificationType: string,
		id: string,
		extra: { invoice_id?: string; custom?: string; error?: { code: number; message: string } } = {},
	): Promise<void> {
		if (!(NOTIFICATION_TYPES as readonly string[]).includes(notificationType)) {
			throw new Error(`emitWebhook: "${notificationType}" is not a documented notification type`);
		}
		const urls = this.webhookUrlsOf(this.companyId);
		if (urls.length === 0) throw new Error('emitWebhook: the main account has no webhook URL');
		const payload = this.notificationPayload(this.companyId, notificationType, id, extra.invoice_id, extra.custom, extra.error);
		await Promise.all(urls.map((url) => this.webhooks.send(url, payload)));
	}

	/**
	 * Back to the state the constructor left (before any seed): empty store (email templates and the
	 * main account stay), no calls, violations, fault or quota use, and the constructor's quota,
	 * response mode, documentation-example mode and webhook URL.
	 */
	reset(): void {
		this.responseMode = this.options.responseMode;
		this.docExamples = this.options.docExamples;
		this.quota = this.options.quota;
		this.latencyMs = this.options.latencyMs;
		this.webhookUrl = this.initialWebhookUrl;
		this.store.clearData();
		this.initAccounts();
		this.calls = [];
		this.requests = [];
		this.violations = [];
		this.quotaCounters.clear();
		this.fault = null;
		this.refusal = null;
		this.webhooks.clear();
	}

	/** Replaces the business data with the deterministic demo data set. */
	seed(): void {
		this.store.clearData();
		seedStore(this.store, this.companyId);
	}

	addInvoices(count: number, options?: AddInvoicesOptions): string[] {
		return addInvoices(this.store, this.companyId, count, options);
	}

	private initAccounts(): void {
		const { store } = this;
		store.accounts.clear();
		store.tokens.clear();
		for (const [id, template] of store.emailTemplates) if (template.company_id !== this.companyId) store.emailTemplates.delete(id);
		store.accounts.set(this.companyId, {
			company_id: this.companyId,
			user_id: MAIN_USER_ID,
			username: MAIN_USERNAME,
			password: 'demo-password',
			subscription_status: 'active',
			profile: { name: 'Factomos Demo', company_email: MAIN_USERNAME },
		});
		store.reserveId('company', this.companyId);
		store.reserveId('user', MAIN_USER_ID);
		const base = { secret: this.secret, partner: this.options.partner, appName: null };
		store.tokens.set(this.token, { ...base, token: this.token, companyId: this.companyId, webhookUrl: this.webhookUrl });
		store.tokens.set(this.appOnlyToken, { ...base, token: this.appOnlyToken, companyId: null, webhookUrl: null });
		store.ensureEmailTemplates(this.companyId);
	}

	// ---- HTTP ----

	private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const url = req.url ?? '/';
			this.requests.push({ method: req.method ?? '', path: url, headers: req.headers, body: body.toString('utf8') });
			this.route(req, res, url, body).catch((error: Error) => {
				this.violations.push(`emulator internal error: ${error.stack ?? error.message}`);
				if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/html' });
				res.end(errorPage(500, 'Internal Server Error'));
			});
		});
	}

	private async route(req: http.IncomingMessage, res: http.ServerResponse, url: string, body: Buffer): Promise<void> {
		const path = url.split('?')[0];
		if (path === '/api/api.php') return this.handleApi(req, res, url, body);
		const session = /^\/api\/session\/(create|delete)(?:\/(.*))?$/.exec(path);
		if (session) return this.handleSession(req, res, session[1] as 'create' | 'delete', session[2] ?? '');
		if (path === '/api/session/check') return this.handleSessionCheck(req, res);
		if (path === '/creer-devis') return this.handlePrefilledEstimate(req, res, body);
		res.writeHead(404, { 'Content-Type': 'text/html; charset=UTF-8' });
		res.end(errorPage(404, 'Not Found'));
	}

	private violate(message: string): void {
		this.violations.push(message);
	}

	/** $_POST as PHP would fill it: only for form-encoded POST bodies. */
	private readForm(req: http.IncomingMessage, body: Buffer, endpoint: string): PhpParams {
		if (req.method !== 'POST') {
			this.violate(`${endpoint}: must be called with POST, got ${req.method}`);
			return {};
		}
		const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
		if (contentType !== FORM_TYPE) {
			this.violate(`${endpoint}: Content-Type must be ${FORM_TYPE}, got "${req.headers['content-type'] ?? ''}"`);
			return {};
		}
		const { params, droppedVars } = parseStrDetailed(body);
		if (droppedVars > 0) this.violate(`${endpoint}: ${droppedVars} form variables beyond PHP max_input_vars were dropped`);
		return params;
	}

	/** `body` replaces the JSON of `response` (the documentation's example text). */
	private writeApi(res: http.ServerResponse, call: ApiCall, secret: string | null, response: ApiResponse, body?: string): void {
		call.responseCode = response.error.code;
		// A slow call whose client gave up still ran, like a PHP script that never notices the abort.
		if (res.destroyed) return;
		const json = body ?? phpJsonEncode(response);
		// Without a known secret (-1, -3) the server can only answer in clear.
		const text = secret === null ? json : encodeResponse(secret, json, this.responseMode);
		const refusal = this.refusal;
		const counts = refusal !== null && (refusal.action === undefined || refusal.action === call.action);
		const closePort = counts && --refusal.answers === 0;
		const headers: Record<string, string | number> = { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': Buffer.byteLength(text) };
		if (closePort) headers.Connection = 'close';
		res.writeHead(200, headers);
		res.end(text);
		if (closePort) {
			this.refusal = null;
			this.refuseConnections(refusal.ms);
		}
	}

	/** Stops listening for `ms`: connections are refused, then the same port opens again. */
	private refuseConnections(ms: number): void {
		const server = this.server;
		const at = this.listening;
		if (!server || !at) return;
		server.close();
		// A kept-alive socket would carry the next request past the closed port.
		server.closeIdleConnections();
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			if (this.server === server) server.listen(at.port, at.host);
		}, ms);
		this.timers.add(timer);
	}

	private async handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: string, body: Buffer): Promise<void> {
		const call: ApiCall = { params: {}, responseCode: FAULT_RESPONSE_CODE, at: Date.now() };
		this.calls.push(call);
		const form = this.readForm(req, body, 'api.php');
		if (/[?&](token|crequest)=/.test(url)) this.violate('api.php: token/crequest must be sent in the POST body, not the query string');
		for (const name of Object.keys(form)) {
			if (name !== 'token' && name !== 'crequest') this.violate(`api.php: unexpected clear-text body field "${name}" (only token and crequest are read)`);
		}

		const tokenValue = phpString(form.token);
		if (form.token !== undefined && typeof form.token !== 'string') this.violate('api.php: token sent as an array');
		if (tokenValue === undefined || tokenValue === '') return this.writeApi(res, call, null, fail(ERR.missingToken));
		call.token = tokenValue;
		const tokenRecord = this.store.tokens.get(tokenValue);
		if (!tokenRecord) return this.writeApi(res, call, null, fail(ERR.invalidToken));

		const overQuota = this.countCall(tokenValue) > this.quota;
		const decoded = this.decodeRequest(tokenRecord.secret, form.crequest);
		let action: string | undefined;
		if ('params' in decoded) {
			call.params = decoded.params;
			call.plaintext = decoded.plaintext;
			action = typeof decoded.params.action === 'string' ? decoded.params.action : undefined;
			call.action = action;
			if (action !== undefined && isKnownAction(action)) checkParams(action, decoded.params, (message) => this.violate(message));
		}

		// The round trip of a remote server, before the call is carried out, as over a network.
		if (this.latencyMs > 0) await this.delay(this.latencyMs);
		const fault = this.takeFault(action);
		if (fault && fault.type !== 'slow') return this.applyFault(req, res, call, tokenRecord.secret, fault);
		if (fault?.type === 'slow') {
			call.fault = 'slow';
			await this.delay(fault.delayMs ?? 1000);
		}

		if (overQuota) return this.writeApi(res, call, tokenRecord.secret, fail(ERR.quota));
		if ('error' in decoded) return this.writeApi(res, call, tokenRecord.secret, fail(decoded.error));
		if (action === undefined || !isKnownAction(action)) return this.writeApi(res, call, tokenRecord.secret, fail(ERR.invalidAction));

		const notifications: Notification[] = [];
		const response = executeAction({
			store: this.store,
			action,
			token: tokenRecord,
			params: decoded.params,
			violate: (message) => this.violate(message),
			notifications,
		});
		const docBody = this.docExamples && response.error.code === 0 ? docExampleBody(action, decoded.params) : undefined;
		this.writeApi(res, call, tokenRecord.secret, response, docBody);
		// The response is already handed to the socket: notifications never delay it.
		for (const notification of notifications) this.dispatch(notification);
	}

	private decodeRequest(secret: string, crequest: unknown): { error: ErrorDef } | { params: PhpParams; plaintext: string } {
		if (crequest === undefined || crequest === '') return { error: ERR.missingCrequest };
		if (typeof crequest !== 'string') {
			this.violate('api.php: crequest sent as an array');
			return { error: ERR.invalidCrequest };
		}
		if (!isStrictBase64(crequest)) {
			this.violate(`api.php: crequest is not base64 after one form decoding (double-encoded or unencoded '+'?): ${crequest.slice(0, 40)}`);
			return { error: ERR.invalidCrequest };
		}
		const plaintext = decryptBytes(secret, Buffer.from(crequest, 'base64'));
		// A correctly encrypted, percent-encoded request is printable ASCII; anything else means a wrong secret.
		if (!isPrintableAscii(plaintext)) return { error: ERR.invalidCrequest };
		const { params, droppedVars } = parseStrDetailed(plaintext);
		if (droppedVars > 0) this.violate(`api.php: ${droppedVars} request variables beyond PHP max_input_vars were dropped`);
		return { params, plaintext: plaintext.toString('ascii') };
	}

	private countCall(token: string): number {
		const day = parisDate();
		const counter = this.quotaCounters.get(token);
		if (!counter || counter.day !== day) {
			this.quotaCounters.set(token, { day, count: 1 });
			return 1;
		}
		counter.count++;
		return counter.count;
	}

	private takeFault(action: string | undefined): Fault | null {
		const fault = this.fault;
		if (!fault || (fault.action !== undefined && fault.action !== action)) return null;
		if (fault.toSkip > 0) {
			fault.toSkip--;
			return null;
		}
		fault.remaining--;
		if (fault.remaining <= 0) this.fault = null;
		return fault;
	}

	private delay(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	private applyFault(req: http.IncomingMessage, res: http.ServerResponse, call: ApiCall, secret: string, fault: Fault): void {
		call.fault = fault.type;
		const okJson = phpJsonEncode({ error: { code: 0, message: 'OK' } });
		const send = (status: number, text: string) => {
			res.writeHead(status, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': Buffer.byteLength(text) });
			res.end(text);
		};
		switch (fault.type) {
			case 'timeout':
				return;
			case 'reset':
				req.socket.destroy();
				return;
			case 'http500':
				return send(500, errorPage(500, 'Internal Server Error'));
			case 'http502':
				return send(502, errorPage(502, 'Bad Gateway'));
			case 'empty':
				return send(200, '');
			case 'truncated': {
				const full = encodeResponse(secret, okJson, this.responseMode);
				return send(200, full.slice(0, Math.floor(full.length / 2)));
			}
			case 'wrongSecret':
				// In plain mode there is nothing to mis-encrypt, so the ciphertext is sent as base64.
				return send(200, encodeResponse(WRONG_SECRET, okJson, this.responseMode === 'plain' ? 'base64' : this.responseMode));
			case 'invalidJson':
				return send(200, encodeResponse(secret, '{"error":', this.responseMode));
			case 'quota':
				return this.writeApi(res, call, secret, fail(ERR.quota));
			case 'slow':
				return;
		}
	}

	// ---- webhooks ----

	private webhookUrlsOf(companyId: string): string[] {
		const urls = [...this.store.tokens.values()]
			.filter((token): token is TokenRecord & { webhookUrl: string } => token.companyId === companyId && !!token.webhookUrl)
			.map((token) => token.webhookUrl);
		return [...new Set(urls)];
	}

	private notificationPayload(
		companyId: string,
		type: string,
		id: string,
		invoiceId?: string,
		custom?: string,
		error: { code: number; message: string } = { code: 0, message: 'OK' },
	): Record<string, unknown> {
		const result: Record<string, unknown> = { id };
		if (invoiceId !== undefined) result.invoice_id = invoiceId;
		result.error = error;
		const payload: Record<string, unknown> = { company_id: companyId, notification_type: type, result };
		if (custom !== undefined) payload.custom = custom;
		return payload;
	}

	private dispatch(notification: Notification): void {
		const payload = this.notificationPayload(notification.companyId, notification.type, notification.id, notification.invoiceId, notification.custom);
		for (const url of this.webhookUrlsOf(notification.companyId)) void this.webhooks.send(url, payload);
	}

	// ---- SSO sessions (§5, §6) ----

	private writeJson(res: http.ServerResponse, body: unknown, headers: Record<string, string> = {}): void {
		const text = phpJsonEncode(body);
		res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
		res.end(text);
	}

	private sessionCookie(sessionId: string): Record<string, string> {
		return { 'Set-Cookie': `PHPSESSID=${sessionId}; path=/` };
	}

	/** Consumes a single-use auth token and opens a session; null when the token is not usable. */
	private openSession(authToken: string): string | null {
		const record = this.store.authTokens.get(authToken);
		if (!record || record.used || !this.store.accounts.has(record.companyId)) return null;
		record.used = true;
		const id = randomBytes(13).toString('hex');
		const now = Date.now();
		this.store.sessions.set(id, { id, companyId: record.companyId, authToken, createdAt: now, lastSeen: now });
		record.sessionId = id;
		return id;
	}

	private handleSession(req: http.IncomingMessage, res: http.ServerResponse, operation: 'create' | 'delete', rawToken: string): void {
		if (req.method !== 'POST') this.violate(`session/${operation}: must be called with POST, got ${req.method}`);
		let authToken = rawToken;
		try {
			authToken = decodeURIComponent(rawToken);
		} catch {
			authToken = rawToken;
		}
		if (authToken === '') return this.writeJson(res, fail(ERR.missingAuthToken));
		if (operation === 'create') {
			const sessionId = this.openSession(authToken);
			if (!sessionId) return this.writeJson(res, fail(ERR.invalidAuthToken));
			return this.writeJson(res, { error: { code: 0, message: 'OK' } }, this.sessionCookie(sessionId));
		}
		const record = this.store.authTokens.get(authToken);
		if (!record || record.sessionId === null || !this.store.sessions.has(record.sessionId)) return this.writeJson(res, fail(ERR.invalidAuthToken));
		this.store.sessions.delete(record.sessionId);
		record.sessionId = null;
		return this.writeJson(res, { error: { code: 0, message: 'OK' } });
	}

	private currentSession(req: http.IncomingMessage): string | null {
		const cookie = /(?:^|;\s*)PHPSESSID=([^;]+)/.exec(req.headers.cookie ?? '');
		if (!cookie) return null;
		const session = this.store.sessions.get(cookie[1]);
		if (!session) return null;
		const now = Date.now();
		if (now - session.lastSeen > SESSION_LIFETIME_MS || !this.store.accounts.has(session.companyId)) {
			this.store.sessions.delete(session.id);
			return null;
		}
		session.lastSeen = now;
		return session.id;
	}

	private handleSessionCheck(req: http.IncomingMessage, res: http.ServerResponse): void {
		if (req.method !== 'GET') this.violate(`session/check: must be called with GET, got ${req.method}`);
		const sessionId = this.currentSession(req);
		if (!sessionId) return this.writeJson(res, fail(ERR.noSession));
		const session = this.store.sessions.get(sessionId);
		const account = session && this.store.accounts.get(session.companyId);
		if (!account) return this.writeJson(res, fail(ERR.noSession));
		this.writeJson(res, {
			error: { code: 0, message: '' },
			user: { id: account.user_id, username: account.username, company_id: account.company_id, app_domain: 'app.factomos.com' },
		});
	}

	// ---- §9 prefilled estimate form ----

	private handlePrefilledEstimate(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
		const form = this.readForm(req, body, 'creer-devis');
		const params: Record<string, string> = {};
		for (const [name, value] of Object.entries(form)) {
			if (!PREFILL_FIELDS.includes(name)) this.violate(`creer-devis: parameter "${name}" is not documented`);
			else if (typeof value !== 'string') this.violate(`creer-devis: "${name}" must be a scalar`);
			params[name] = phpString(value) ?? '';
		}
		const headers: Record<string, string> = {};
		let sessionId = this.currentSession(req);
		const headerToken = req.headers['x-auth-token'];
		if (!sessionId && typeof headerToken === 'string' && headerToken !== '') {
			sessionId = this.openSession(headerToken);
			if (sessionId) Object.assign(headers, this.sessionCookie(sessionId));
		}
		const companyId = (sessionId && this.store.sessions.get(sessionId)?.companyId) || this.companyId;
		// client_id wins over client_company_name, which must match exactly.
		let clientId: string | null = null;
		if (params.client_id && this.store.client(companyId, params.client_id)) clientId = params.client_id;
		else if (!params.client_id && params.client_company_name) {
			clientId =
				[...this.store.clients.values()].find(
					(client) => client.company_id === companyId && client.client_company_name === params.client_company_name,
				)?.client_id ?? null;
		}
		this.store.prefilledForms.push({ params, clientId, authenticated: sessionId !== null, at: Date.now() });
		const field = (name: string, label: string) =>
			`<label>${label} <input name="${name}" value="${htmlEscape(params[name] ?? '')}"></label>`;
		const html = [
			'<!DOCTYPE html>',
			'<html lang="fr"><head><meta charset="utf-8"><title>Créer un devis - Factomos</title></head><body>',
			'<h1>Créer un devis</h1>',
			'<form method="post" action="/devis/enregistrer">',
			`<input type="hidden" name="client_id" value="${htmlEscape(clientId ?? '')}">`,
			field('client_company_name', 'Client'),
			field('estimate_attention', "À l'attention de"),
			field('objet', 'Objet'),
			`<label>Commentaire <textarea name="estimate_comment">${htmlEscape(params.estimate_comment ?? '')}</textarea></label>`,
			`<input type="hidden" name="custom" value="${htmlEscape(params.custom ?? '')}">`,
			'</form></body></html>',
		].join('\n');
		res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': String(Buffer.byteLength(html)), ...headers });
		res.end(html);
	}
}
