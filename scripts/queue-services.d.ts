export interface Postgres {
	host: string;
	port: number;
	user: string;
	password: string;
	/** The server's major version, from PG_VERSION. */
	version: string;
	pid: number;
	logs(): string;
	createDatabase(name: string): string;
	stop(): Promise<void>;
}

export interface Redis {
	host: string;
	port: number;
	password: string;
	pid: number;
	logs(): string;
	stop(): Promise<void>;
}

export function startPostgres(options?: { user?: string; password?: string }): Promise<Postgres>;
export function startRedis(options?: { password?: string }): Promise<Redis>;
