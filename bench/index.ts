import type { FactomosEmulator } from '../test/emulator';
import { codecFigure } from './figures/codec';
import { latencyFigure, latencyWorkflows } from './figures/latency';
import { addBenchClients, perItemFigures } from './figures/perItem';
import { LAZY_ENV, queueFigure, startQueueBench } from './figures/queue';
import { returnAllFigure } from './figures/returnAll';
import { TRIGGER_EVENTS, triggerFigure } from './figures/trigger';
import { startEmulator } from './lib/emulator';
import { BenchN8n } from './lib/n8n';
import { RESULTS, ROOT } from './lib/paths';
import { type FigureResult, machine, markdown, textTable } from './lib/report';
import { type BenchWorkflow, factomosGetClient, factomosTrigger, genericWebhook, httpRequestOnly, workaroundGetClient } from './lib/workflows';
import { fs, path, print, printError, process } from '../test/host';

/**
 * `npm run bench [-- --only codec,returnAll] [--n8n 1|2] [--rounds 5]`: measures the figures of
 * issues #6, #14 and #16 side by side, prints a table, writes bench/results/latest.json and a Markdown
 * block for BENCHMARKS.md.
 */

const FIGURES = ['codec', 'perItem', 'workaround', 'returnAll', 'latency', 'trigger', 'queue'] as const;
type Figure = (typeof FIGURES)[number];
const N8N_FIGURES: Figure[] = ['perItem', 'workaround', 'latency', 'trigger', 'queue'];

interface Options {
	only: Set<Figure>;
	major: number;
	rounds: number;
}

const USAGE = `Usage: npm run bench -- [--only ${FIGURES.join(',')}] [--n8n 1|2] [--rounds N]
  --only    comma-separated figures to run (default: all)
  --n8n     n8n major for figures 2, 3, 5 to 9 (default 2)
  --rounds  measured rounds per figure, after a warm-up (default 5)`;

function parseArgs(argv: string[]): Options {
	const options: Options = { only: new Set(FIGURES), major: 2, rounds: 5 };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const next = inline ?? argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
			return next;
		};
		if (flag === '--help' || flag === '-h') {
			print(USAGE);
			process.exit(0);
		} else if (flag === '--only') {
			const names = value().split(',').map((name) => name.trim()).filter(Boolean);
			const unknown = names.filter((name) => !(FIGURES as readonly string[]).includes(name));
			if (unknown.length || names.length === 0) throw new Error(`--only takes ${FIGURES.join(', ')}; got "${unknown.join(',')}"`);
			options.only = new Set(names as Figure[]);
		} else if (flag === '--n8n') {
			options.major = Number(value());
			if (options.major !== 1 && options.major !== 2) throw new Error('--n8n must be 1 or 2');
		} else if (flag === '--rounds') {
			options.rounds = Number(value());
			if (!Number.isInteger(options.rounds) || options.rounds < 1) throw new Error('--rounds must be a whole number of at least 1');
		} else {
			throw new Error(`Unknown argument ${argv[i]}\n${USAGE}`);
		}
	}
	return options;
}

/** Cleanups run in reverse order, on success, failure or Ctrl-C. */
const cleanups: Array<() => Promise<void>> = [];

async function cleanUp(): Promise<void> {
	while (cleanups.length) {
		try {
			await cleanups.pop()!();
		} catch (error) {
			printError(`cleanup failed: ${(error as Error).message}`);
		}
	}
}

function log(message: string): void {
	printError(`[bench] ${message}`);
}

function failed(name: Figure, error: Error): FigureResult {
	log(`${name} failed: ${error.stack ?? error.message}`);
	return {
		name,
		rows: [{ figure: `${name}: FAILED`, ours: '—', baseline: '—', ratio: null, goal: '—', met: false }],
		notes: [`${name} failed: ${error.message.split('\n')[0]}`],
		details: { error: error.message },
	};
}

async function n8nFigures(options: Options, report: (result: FigureResult) => void): Promise<{ version: string; node: string }> {
	const wanted = (figure: Figure) => options.only.has(figure);
	const emulator: FactomosEmulator = await startEmulator({ seed: true });
	cleanups.push(() => emulator.stop());
	const ids = addBenchClients(emulator);

	log(`preparing n8n (major ${options.major}) with the packed package`);
	// The workaround's Code nodes need require('crypto'); 2.x hands this variable to its task runner.
	const n8n = await BenchN8n.create(options.major, { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto' });
	cleanups.push(() => n8n.dispose());
	const factomos = factomosGetClient();
	const workaround = workaroundGetClient(emulator.baseUrl, emulator.token, emulator.secret);
	const httpOnly = httpRequestOnly(emulator.baseUrl, emulator.token);
	const latency = latencyWorkflows(emulator, factomos, workaround);
	const trigger = factomosTrigger(TRIGGER_EVENTS);
	const webhook = genericWebhook();
	const workflows: BenchWorkflow[] = [];
	if (wanted('perItem') || wanted('workaround') || wanted('latency')) workflows.push(factomos);
	if (wanted('workaround') || wanted('latency')) workflows.push(workaround);
	if (wanted('perItem') || wanted('workaround') || wanted('latency')) workflows.push(latency.getAllAtOnce);
	if (wanted('perItem')) workflows.push(httpOnly);
	if (wanted('latency')) workflows.push(...Object.values(latency).filter((workflow) => ![factomos, workaround, latency.getAllAtOnce].includes(workflow)));
	if (wanted('trigger') || wanted('queue')) workflows.push(trigger, webhook);
	await n8n.setUp({ token: emulator.token, secret: emulator.secret, baseUrl: emulator.baseUrl }, workflows);
	log(`n8n ${n8n.version} is running at ${n8n.url}`);

	if (wanted('perItem') || wanted('workaround')) {
		log('figures 2 and 3: per-item cost against the HTTP Request node alone and the workaround');
		try {
			const figures = { perItem: wanted('perItem'), workaround: wanted('workaround') };
			for (const result of await perItemFigures({ n8n, emulator, factomos, workaround, httpOnly, factomosAllAtOnce: latency.getAllAtOnce, rounds: options.rounds, figures }, ids)) {
				report(result);
			}
		} catch (error) {
			for (const name of ['perItem', 'workaround'] as const) if (wanted(name)) report(failed(name, error as Error));
		}
	}
	if (wanted('latency')) {
		log('figures 7 to 9: Return All, Get Client and Invoice Create at 0 and 80 ms of latency');
		try {
			report(await latencyFigure({ n8n, emulator, workflows: latency, clientIds: ids, rounds: options.rounds }));
		} catch (error) {
			report(failed('latency', error as Error));
		}
	}
	// N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE exists from n8n 2.x on.
	const withLazy = options.major >= 2;
	if (wanted('trigger')) {
		log('figure 5: trigger throughput');
		try {
			let lazy: BenchN8n | undefined;
			if (withLazy) {
				log('starting a second n8n with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true');
				const lazyN8n = await BenchN8n.create(options.major, LAZY_ENV);
				cleanups.push(() => lazyN8n.dispose());
				await lazyN8n.setUp({ token: emulator.token, secret: emulator.secret, baseUrl: emulator.baseUrl }, [trigger, webhook]);
				lazy = lazyN8n;
			}
			report(await triggerFigure({ n8n, factomos: trigger, webhook, rounds: options.rounds, lazy }));
			// Idle n8n still costs CPU: not during figure 6.
			await lazy?.dispose();
		} catch (error) {
			report(failed('trigger', error as Error));
		}
	}
	if (wanted('queue')) {
		log('figure 6: trigger throughput in queue mode (PostgreSQL, Redis, main, workers, webhook processors)');
		try {
			const queue = await startQueueBench(options.major, [trigger, webhook], withLazy, (stop) => cleanups.push(stop));
			report(await queueFigure({ single: n8n, queue, factomos: trigger, webhook, rounds: options.rounds }));
		} catch (error) {
			report(failed('queue', error as Error));
		}
	}
	return { version: n8n.version, node: n8n.nodeVersion };
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const results: FigureResult[] = [];
	const report = (result: FigureResult) => {
		results.push(result);
		print(`\n${textTable(result.rows)}\n`);
	};
	const started = Date.now();

	if (options.only.has('codec')) {
		log('figure 1: codec throughput');
		try {
			report(await codecFigure(Math.max(5, 2 * options.rounds)));
		} catch (error) {
			report(failed('codec', error as Error));
		}
	}
	if (options.only.has('returnAll')) {
		log('figure 4: Return All over 10,000 invoices');
		try {
			report(await returnAllFigure(options.rounds));
		} catch (error) {
			report(failed('returnAll', error as Error));
		}
	}
	let n8n: { version: string; node: string } | null = null;
	if (N8N_FIGURES.some((figure) => options.only.has(figure))) {
		try {
			n8n = await n8nFigures(options, report);
		} catch (error) {
			for (const figure of N8N_FIGURES) if (options.only.has(figure) && !results.some((result) => result.name === figure)) report(failed(figure, error as Error));
		} finally {
			await cleanUp();
		}
	}

	results.sort((a, b) => FIGURES.indexOf(a.name as Figure) - FIGURES.indexOf(b.name as Figure));
	const host = machine(n8n);
	const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
	const rows = results.flatMap((result) => result.rows);
	print(`\nFactomos benchmarks (${((Date.now() - started) / 1000).toFixed(0)} s)\n\n${textTable(rows)}\n`);
	for (const note of results.flatMap((result) => result.notes)) print(`- ${note}`);

	fs.mkdirSync(RESULTS, { recursive: true });
	const file = path.join(RESULTS, 'latest.json');
	const json = { machine: host, command, options: { ...options, only: [...options.only] }, rows, results };
	fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
	print(`\nWrote ${path.relative(ROOT, file)}. Markdown for BENCHMARKS.md:\n\n${markdown(host, results, command)}\n`);
	if (results.some((result) => 'error' in result.details)) process.exitCode = 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		log(`${signal}: stopping n8n and the emulator`);
		void cleanUp().then(() => process.exit(130));
	});
}

main().catch(async (error: Error) => {
	printError(error.message);
	await cleanUp();
	process.exit(1);
});
