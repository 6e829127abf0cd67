import { randomBytes } from 'node:crypto';

import { type Postgres, type Redis, startPostgres, startRedis } from '../../scripts/queue-services';
import { fs, path, REPO_ROOT } from '../host';
import { freePort, N8nInstance, type RunningN8n } from './support';

/**
 * n8n in queue mode for the e2e suite and the bench: PostgreSQL and Redis on 127.0.0.1, and per
 * cluster one main, workers and webhook processors, each with its own user folder and the packed
 * package, all started through docs/queue-mode/n8n-queue.sh with docs/queue-mode/queue.env.
 */

export const QUEUE_LAUNCHER = path.join(REPO_ROOT, 'docs', 'queue-mode', 'n8n-queue.sh');

/** Redis has 16 databases: one per cluster keeps their queues apart. */
const REDIS_DATABASES = 16;

export class QueueServices {
	private clusters = 0;

	private constructor(
		readonly postgres: Postgres,
		readonly redis: Redis,
	) {}

	static async start(): Promise<QueueServices> {
		const postgres = await startPostgres();
		try {
			return new QueueServices(postgres, await startRedis());
		} catch (error) {
			await postgres.stop();
			return Promise.reject(error);
		}
	}

	/** What a cluster sets on top of queue.env: its own database, Redis database and encryption key. */
	clusterEnv(): Record<string, string> {
		const index = this.clusters++;
		if (index >= REDIS_DATABASES) throw new Error('too many queue-mode clusters for one Redis');
		const { postgres, redis } = this;
		return {
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('base64'),
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			DB_POSTGRESDB_DATABASE: postgres.createDatabase(`n8n_${index}`),
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_BULL_REDIS_PASSWORD: redis.password,
			QUEUE_BULL_REDIS_DB: String(index),
		};
	}

	async stop(): Promise<void> {
		await Promise.all([this.postgres.stop(), this.redis.stop()]);
	}
}

export type QueueCommand = 'worker' | 'webhook';

export interface QueueProcess {
	command: QueueCommand;
	instance: N8nInstance;
	server: RunningN8n;
}

export interface ProcessOptions {
	/** false: a user folder without the package, to show what then happens. */
	withPackage?: boolean;
	/** On top of the cluster's environment (e.g. N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE). */
	env?: Record<string, string>;
}

/** Output kept per process: enough for the workers' "Worker started execution" lines of a run. */
const LOG_CHARS = 4_000_000;

/**
 * One queue-mode n8n: `main` runs the CLI commands (import, publish) and `n8n start`; workers and
 * webhook processors are added with startProcess(). Production URLs point at the first webhook
 * processor's port, chosen up front; the editor and its test URLs stay on main.
 */
export class QueueCluster {
	readonly processes: QueueProcess[] = [];
	private mainServer: RunningN8n | null = null;
	private webhookPortTaken = false;

	private constructor(
		readonly major: number,
		readonly env: Record<string, string>,
		readonly main: N8nInstance,
		private readonly webhookPort: number,
	) {}

	static async create(major: number, services: QueueServices): Promise<QueueCluster> {
		const env = services.clusterEnv();
		const main = await N8nInstance.create(major, { env, launcher: QUEUE_LAUNCHER });
		return new QueueCluster(major, env, main, await freePort());
	}

	get label(): string {
		return `${this.main.label} (queue mode)`;
	}

	/** The production webhook base URL: the first webhook processor. */
	get webhookUrl(): string {
		return `http://127.0.0.1:${this.webhookPort}`;
	}

	get server(): RunningN8n {
		if (!this.mainServer) throw new Error(`${this.label}: main is not started`);
		return this.mainServer;
	}

	async startMain(): Promise<RunningN8n> {
		const port = await freePort();
		this.mainServer = await this.main.start({
			port,
			logChars: LOG_CHARS,
			env: { WEBHOOK_URL: `${this.webhookUrl}/`, N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/` },
		});
		return this.mainServer;
	}

	/** Starts a worker or a webhook processor in its own user folder, like one more container. */
	async startProcess(command: QueueCommand, options: ProcessOptions = {}): Promise<QueueProcess> {
		// Decided before any await: processes may start side by side.
		const first = command === 'webhook' && !this.webhookPortTaken;
		if (first) this.webhookPortTaken = true;
		const instance = await N8nInstance.create(this.major, {
			env: { ...this.env, ...options.env },
			launcher: QUEUE_LAUNCHER,
			withPackage: options.withPackage,
		});
		try {
			const server = await instance.start({ command, logChars: LOG_CHARS, ...(first ? { port: this.webhookPort } : {}) });
			const started = { command, instance, server };
			this.processes.push(started);
			return started;
		} catch (error) {
			await instance.dispose();
			return Promise.reject(error);
		}
	}

	async stopProcess(entry: QueueProcess): Promise<void> {
		this.processes.splice(this.processes.indexOf(entry), 1);
		await entry.instance.dispose();
	}

	/** Stops every process (webhook processors and workers first) and removes the user folders. */
	async dispose(): Promise<void> {
		for (const entry of [...this.processes].reverse()) await this.stopProcess(entry);
		this.mainServer = null;
		await this.main.dispose();
	}
}

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ). */
const USER_HZ = 100;

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name, which is in parentheses and may hold spaces.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
}
