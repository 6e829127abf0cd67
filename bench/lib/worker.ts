import { childProcess, fork, path, process } from '../../test/host';
import { ROOT } from './paths';

/**
 * A measuring child process (bench/workers/*.ts) driven over IPC, so a baseline never shares an
 * event loop with the emulator or with n8n. It can run on n8n's own Node.js binary.
 */

interface Reply {
	id: number;
	result?: unknown;
	error?: string;
}

const TS_NODE = require.resolve('ts-node/register/transpile-only');

export class Worker {
	private nextId = 0;
	private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
	private exited = false;

	private constructor(private readonly child: childProcess.ChildProcess, private readonly label: string) {
		child.on('message', (reply: Reply) => {
			const waiter = this.pending.get(reply.id);
			if (!waiter) return;
			this.pending.delete(reply.id);
			if (reply.error !== undefined) waiter.reject(new Error(`${label}: ${reply.error}`));
			else waiter.resolve(reply.result);
		});
		child.on('exit', (code, signal) => {
			this.exited = true;
			for (const waiter of this.pending.values()) waiter.reject(new Error(`${label} exited (${code ?? signal})`));
			this.pending.clear();
		});
	}

	/** Starts bench/workers/<name>.ts. */
	static start(name: string, options: { nodeBinary?: string; nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}): Worker {
		const child = fork(path.join(ROOT, 'bench', 'workers', `${name}.ts`), [], {
			execPath: options.nodeBinary ?? process.execPath,
			execArgv: [...(options.nodeArgs ?? []), '-r', TS_NODE],
			// Factomos.node.ts has a Factomos.node.json (codex) beside it, which Node would load first.
			env: { ...(options.env ?? process.env), TS_NODE_PREFER_TS_EXTS: 'true' },
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		return new Worker(child, `worker ${name}`);
	}

	request<T>(message: object): Promise<T> {
		if (this.exited) return Promise.reject(new Error(`${this.label} is not running`));
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.child.send({ id, ...message });
		});
	}

	stop(): Promise<void> {
		if (this.exited) return Promise.resolve();
		return new Promise((resolve) => {
			this.child.once('exit', () => resolve());
			this.child.kill('SIGTERM');
		});
	}
}
