import { FactomosEmulator, ResponseMode } from './index';
import { print, printError, process } from '../host';

/** `npm run emulator -- --seed --port 8089`: runs the Factomos emulator until SIGINT/SIGTERM. */

const MODES: ResponseMode[] = ['urlencoded', 'base64', 'plain'];

function parseArgs(argv: string[]): Record<string, string | true> {
	const args: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new Error(`Unexpected argument: ${arg}`);
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
		if (inline !== undefined) args[name] = inline;
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[name] = argv[++i];
		else args[name] = true;
	}
	return args;
}

function text(value: string | true | undefined, flag: string): string | undefined {
	if (value === true) throw new Error(`--${flag} needs a value`);
	return value;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const known = new Set(['port', 'host', 'token', 'secret', 'mode', 'quota', 'webhook-url', 'seed', 'latency']);
	for (const name of Object.keys(args)) if (!known.has(name)) throw new Error(`Unknown flag --${name}`);
	const mode = text(args.mode, 'mode');
	if (mode !== undefined && !MODES.includes(mode as ResponseMode)) throw new Error(`--mode must be one of ${MODES.join(', ')}`);
	const port = Number(text(args.port, 'port') ?? 8089);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be an integer between 0 and 65535');
	const quota = text(args.quota, 'quota');
	if (quota !== undefined && !(Number(quota) >= 0)) throw new Error('--quota must be a non-negative number');
	const latency = Number(text(args.latency, 'latency') ?? 0);
	if (!(latency >= 0)) throw new Error('--latency must be a non-negative number of milliseconds');

	const emulator = new FactomosEmulator({
		port,
		host: text(args.host, 'host') ?? '127.0.0.1',
		token: text(args.token, 'token'),
		secret: text(args.secret, 'secret'),
		responseMode: mode as ResponseMode | undefined,
		quota: quota === undefined ? undefined : Number(quota),
		webhookUrl: text(args['webhook-url'], 'webhook-url'),
		seed: args.seed === true || args.seed === 'true',
		latencyMs: latency,
	});
	const url = await emulator.start();
	print(`Factomos emulator listening on ${url}`);
	print(`  API endpoint: ${url}/api/api.php`);
	print(`  token:        ${emulator.token}`);
	print(`  secret:       ${emulator.secret}`);
	print(`  company_id:   ${emulator.companyId}`);
	if (args.seed) print(`  seeded:       ${emulator.store.clients.size} clients, ${emulator.store.invoices.size} invoices`);

	const shutdown = (signal: string) => {
		print(`\n${signal} received, stopping the emulator`);
		emulator.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', () => shutdown('SIGINT'));
	process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: Error) => {
	printError(error.message);
	process.exit(1);
});
