/** Deterministic generators for the fuzz suites: same seed, same values, so a failure can be replayed. */

export interface Random {
	readonly seed: number;
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, n). */
	int(n: number): number;
	pick<T>(list: readonly T[]): T;
	chance(probability: number): boolean;
	bytes(length: number): Buffer;
}

/** mulberry32: tiny, fast and good enough to spread test inputs. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	return {
		seed,
		next,
		int,
		pick: (list) => list[int(list.length)],
		chance: (probability) => next() < probability,
		bytes: (length) => {
			const buffer = Buffer.alloc(length + 3);
			for (let i = 0; i < length; i += 4) buffer.writeUInt32LE(Math.floor(next() * 4294967296), i);
			return buffer.subarray(0, length);
		},
	};
}

/** Characters and fragments that break naive form encoding, JSON, PHP parse_str or UTF-8 handling. */
export const HOSTILE_PIECES = [
	'&', '=', '+', '%', '%20', '%zz', '%%', '%2B', '[]', '[0]', '[a]', '][', 'a[b]=c', '&x=1',
	"'", '"', '`', '\\', '\\u0041', '\\n', '\n', '\r\n', '\r', '\t', ' ', '  ',
	'é', 'è', 'à', 'ç', 'ù', 'Œuvre', 'ß', 'Ñ', 'e\u0301', 'Saint-Étienne',
	'😀', '🧾', '👩‍💻', '🇫🇷', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '日本語', '한국어',
	'مرحبا بالعالم', 'שלום עולם', '\u200F', '\u202E', '\u2067',
	'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00A0', '\u202F',
	'<b>', '</script>', '{{ $json.x }}', '${x}', '{"a":1}', 'null', '0', '-1', '1e3',
	'\u0000', '\u0001', '\u007F', '\u0085', '\u2028', '\u2029',
] as const;

const WORDS = ['Acme', 'SARL', 'Dupont', 'facture', 'rue', 'des', 'Lilas', 'Paris', 'TVA', 'n°', 'Client', '42'];
const EDGE_SPACES = [' ', '  ', '\t', '\n', '\r\n', ' \t ', '\u00A0'];
export const TEN_KB = 10 * 1024;

/**
 * A text value mixing words and hostile pieces, sometimes wrapped in spaces, sometimes 10 KB long.
 * Never blank: the node rightly drops blank optional fields and rejects blank required ones.
 */
export function hostileText(random: Random, options: { long?: boolean } = {}): string {
	const target = options.long ? TEN_KB : 1 + random.int(40);
	let text = '';
	while (text.length < target) text += random.chance(0.5) ? random.pick(HOSTILE_PIECES) : random.pick(WORDS);
	if (options.long) text = text.slice(0, TEN_KB);
	// Slicing may split a surrogate pair; a lone surrogate cannot be UTF-8 encoded at all.
	text = text.toWellFormed();
	if (random.chance(0.3)) text = random.pick(EDGE_SPACES) + text;
	if (random.chance(0.3)) text += random.pick(EDGE_SPACES);
	return text.trim() === '' ? `${text}x` : text;
}

/** Bodies a broken server, proxy or attacker could send, as text. */
export function hostileBody(random: Random): string {
	const kinds: Array<() => string> = [
		() => random.bytes(random.int(300)).toString('latin1'),
		() => random.bytes(random.int(300)).toString('utf8'),
		() => random.bytes(1 + random.int(300)).toString('base64'),
		() => encodeURIComponent(random.bytes(1 + random.int(300)).toString('base64')),
		() => random.bytes(1 + random.int(200)).toString('base64').slice(0, 1 + random.int(100)),
		() => `{"error":{"code":${random.int(50) - 45},"message":${JSON.stringify(hostileText(random))}}${random.chance(0.5) ? '}' : ''}`,
		() => `{${hostileText(random)}`,
		() => `[${random.int(10)}]`,
		() => JSON.stringify(hostileText(random)),
		() => `%${random.bytes(2).toString('hex')}${random.pick(['', '%', '%z', '%E0%A4'])}`,
		() => `<html><body>${hostileText(random)}</body></html>`,
		() => hostileText(random),
		() => random.pick(['', ' ', '\uFEFF', '\uFEFF{}', '{}', '{"error":null}', 'null', '=', '==', '===', 'A', 'AA', 'AAA=', '%', '%25']),
	];
	return random.pick(kinds)();
}
