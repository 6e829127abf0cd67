import { fs, os, process } from '../../test/host';

/** Table rows, machine details and the Markdown block for BENCHMARKS.md. */

export interface Row {
	figure: string;
	ours: string;
	baseline: string;
	/** ours / baseline; null when the figure has no side-by-side baseline. */
	ratio: number | null;
	goal: string;
	/** null when the row has no goal (shown for information). */
	met: boolean | null;
}

export interface FigureResult {
	name: string;
	rows: Row[];
	/** What exactly was timed, for the notes under the table. */
	notes: string[];
	/** Raw measurements (every round) for results/latest.json. */
	details: Record<string, unknown>;
}

export interface Machine {
	cpu: string;
	cores: number;
	ramGb: number;
	os: string;
	benchNode: string;
	n8nNode: string | null;
	n8n: string | null;
	date: string;
}

function osName(): string {
	try {
		const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
		if (pretty) return `${pretty[1]} (${os.type()} ${os.release()})`;
	} catch {
		// not Linux: the kernel name is enough
	}
	return `${os.type()} ${os.release()}`;
}

export function machine(n8n: { version: string; node: string } | null): Machine {
	const list = os.cpus();
	return {
		cpu: list[0]?.model.trim() ?? 'unknown',
		cores: list.length,
		ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		os: osName(),
		benchNode: process.version,
		n8nNode: n8n ? `v${n8n.node}` : null,
		n8n: n8n?.version ?? null,
		date: new Date().toISOString(),
	};
}

export function ratioText(ratio: number | null): string {
	return ratio === null || !Number.isFinite(ratio) ? '—' : `${ratio.toFixed(2)}×`;
}

function metText(met: boolean | null): string {
	return met === null ? '—' : met ? 'yes' : 'NO';
}

const HEADER = ['figure', 'ours', 'baseline', 'ratio', 'goal', 'met?'];

function cells(row: Row): string[] {
	return [row.figure, row.ours, row.baseline, ratioText(row.ratio), row.goal, metText(row.met)];
}

export function textTable(rows: Row[]): string {
	const lines = [HEADER, ...rows.map(cells)];
	const widths = HEADER.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
	const format = (line: string[]) => line.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
	return [format(lines[0]), widths.map((width) => '-'.repeat(width)).join('-|-'), ...lines.slice(1).map(format)].join('\n');
}

function markdownTable(header: string[], lines: string[][]): string {
	const escape = (cell: string) => cell.replace(/\|/g, '\\|');
	return [header, header.map(() => '---'), ...lines].map((line) => `| ${line.map(escape).join(' | ')} |`).join('\n');
}

export function markdown(host: Machine, results: FigureResult[], command: string): string {
	const details = markdownTable(
		['machine', ''],
		[
			['CPU', host.cpu],
			['cores', String(host.cores)],
			['RAM', `${host.ramGb} GB`],
			['OS', host.os],
			['Node.js (bench, codec, Return All)', host.benchNode],
			['Node.js (n8n)', host.n8nNode ?? '—'],
			['n8n', host.n8n ?? '—'],
			['date', host.date],
			['command', `\`${command}\``],
		],
	);
	const rows = results.flatMap((result) => result.rows);
	const notes = results.flatMap((result) => result.notes.map((note) => `- ${note}`));
	return [details, '', markdownTable(HEADER, rows.map(cells)), '', ...notes].join('\n');
}
