/** Number and date formatting as Factomos renders it (strings, Europe/Paris calendar). */

/** 2-decimal rounding, half away from zero, without the float drift of toFixed. */
export function round2(value: number): number {
	const rounded = Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9) / 100;
	return rounded === 0 ? 0 : rounded;
}

/** "9500", "5115.6", "-180": no trailing zeros, like the doc. */
export function money(value: number): string {
	return String(round2(value));
}

export const DECIMAL = /^-?\d+(\.\d+)?$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const parisParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
});

function parts(ms: number): Record<string, string> {
	const out: Record<string, string> = {};
	for (const part of parisParts.formatToParts(new Date(ms))) out[part.type] = part.value;
	return out;
}

/** Today's date in Paris, YYYY-MM-DD. */
export function parisDate(ms = Date.now()): string {
	const p = parts(ms);
	return `${p.year}-${p.month}-${p.day}`;
}

/** "2015-11-02 12:49:31" in Paris time. */
export function parisDateTime(ms = Date.now()): string {
	const p = parts(ms);
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export function isValidDate(date: string): boolean {
	if (!ISO_DATE.test(date)) return false;
	const [year, month, day] = date.split('-').map(Number);
	const parsed = new Date(Date.UTC(year, month - 1, day));
	return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** Unix timestamp of midnight in Paris on that date (the doc's unix_timestamp). */
const midnights = new Map<string, number>();

export function parisMidnightUnix(date: string): number {
	let unix = midnights.get(date);
	if (unix === undefined) {
		unix = computeParisMidnightUnix(date);
		midnights.set(date, unix);
	}
	return unix;
}

function computeParisMidnightUnix(date: string): number {
	const [year, month, day] = date.split('-').map(Number);
	const utcMidnight = Date.UTC(year, month - 1, day);
	// Midnight UTC falls before the 02:00 DST switch, so its offset is the one of Paris midnight.
	const p = parts(utcMidnight);
	const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
	return (utcMidnight - (wall - utcMidnight)) / 1000;
}

/** "19/07/15" (dd/mm/yy), or "00/00/00" when there is no date. */
export function frenchShortDate(date: string | null): string {
	if (!date || !isValidDate(date)) return '00/00/00';
	const [year, month, day] = date.split('-');
	return `${day}/${month}/${year.slice(2)}`;
}
