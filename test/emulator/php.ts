/**
 * PHP behaviours the real Factomos server exhibits, reimplemented so the emulator is an
 * independent oracle: urldecode/urlencode, parse_str (with max_input_vars) and json_encode.
 */

export type PhpValue = string | PhpValue[] | { [key: string]: PhpValue };
export type PhpParams = Record<string, PhpValue>;

/** PHP's default max_input_vars: variables beyond it are silently dropped. */
export const MAX_INPUT_VARS = 1000;

function hexValue(byte: number): number {
	if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
	if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
	if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
	return -1;
}

/** urldecode(): '+' is a space, %XX a byte, and a malformed '%' is kept as is. */
export function phpUrldecode(input: Buffer | string): Buffer {
	const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
	const out = Buffer.alloc(bytes.length);
	let length = 0;
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		if (byte === 0x2b) {
			out[length++] = 0x20;
		} else if (byte === 0x25 && i + 2 < bytes.length && hexValue(bytes[i + 1]) >= 0 && hexValue(bytes[i + 2]) >= 0) {
			out[length++] = hexValue(bytes[i + 1]) * 16 + hexValue(bytes[i + 2]);
			i += 2;
		} else {
			out[length++] = byte;
		}
	}
	return out.subarray(0, length);
}

/** urlencode(): alphanumerics and -_. are kept, a space becomes '+', anything else %XX. */
export function phpUrlencode(input: string): string {
	let out = '';
	for (const byte of Buffer.from(input, 'utf8')) {
		const char = String.fromCharCode(byte);
		if (/[A-Za-z0-9_.-]/.test(char)) out += char;
		else if (byte === 0x20) out += '+';
		else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
	}
	return out;
}

/** An ordered PHP array, so pushes and explicit keys interleave like in PHP. */
class PhpArray {
	readonly entries = new Map<string, PhpArray | string>();
	private nextIndex = 0;

	push(value: PhpArray | string): void {
		this.entries.set(String(this.nextIndex), value);
		this.nextIndex++;
	}

	set(key: string, value: PhpArray | string): void {
		// PHP turns canonical integer strings into integer keys, which move the push cursor.
		if (/^(0|-?[1-9][0-9]{0,17})$/.test(key)) {
			const index = Number(key);
			if (index >= this.nextIndex) this.nextIndex = index + 1;
		}
		this.entries.set(key, value);
	}

	get(key: string): PhpArray | string | undefined {
		return this.entries.get(key);
	}

	toValue(): PhpValue {
		const keys = [...this.entries.keys()];
		const values = [...this.entries.values()].map((value) => (typeof value === 'string' ? value : value.toValue()));
		if (keys.every((key, index) => key === String(index))) return values;
		const object: { [key: string]: PhpValue } = {};
		keys.forEach((key, index) => define(object, key, values[index]));
		return object;
	}
}

// defineProperty keeps names such as __proto__ as plain data keys.
function define(target: { [key: string]: PhpValue }, key: string, value: PhpValue): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** php_register_variable_ex: name mangling and bracket parsing. */
function register(root: Map<string, PhpArray | string>, rawName: string, value: string): void {
	let name = rawName.replace(/^ +/, '');
	const nul = name.indexOf('\0');
	if (nul >= 0) name = name.slice(0, nul);

	let base = '';
	let bracket = -1;
	for (let i = 0; i < name.length; i++) {
		const char = name[i];
		if (char === '[') {
			bracket = i;
			break;
		}
		base += char === ' ' || char === '.' ? '_' : char;
	}
	if (base === '') return;

	const keys: (string | null)[] = [];
	if (bracket >= 0) {
		let position = bracket;
		for (;;) {
			const close = name.indexOf(']', position + 1);
			if (close < 0) {
				// An unterminated first bracket is not an index: PHP >= 8 mangles the rest of the name.
				if (keys.length === 0) base += '_' + name.slice(position + 1).replace(/[ .[]/g, '_');
				break;
			}
			const key = name.slice(position + 1, close);
			keys.push(key === '' ? null : key);
			if (name[close + 1] !== '[') break;
			position = close + 1;
		}
	}

	if (keys.length === 0) {
		root.set(base, value);
		return;
	}
	let container = root.get(base);
	if (!(container instanceof PhpArray)) {
		container = new PhpArray();
		root.set(base, container);
	}
	keys.forEach((key, index) => {
		const target = container as PhpArray;
		if (index === keys.length - 1) {
			if (key === null) target.push(value);
			else target.set(key, value);
			return;
		}
		let child = key === null ? undefined : target.get(key);
		if (!(child instanceof PhpArray)) {
			child = new PhpArray();
			if (key === null) target.push(child);
			else target.set(key, child);
		}
		container = child;
	});
}

export interface ParseStrResult {
	params: PhpParams;
	droppedVars: number;
}

/** parse_str() as PHP 8 runs it on a query string (bytes are read as UTF-8). */
export function parseStrDetailed(input: Buffer | string, maxVars = MAX_INPUT_VARS): ParseStrResult {
	const text = (typeof input === 'string' ? Buffer.from(input, 'utf8') : input).toString('latin1');
	const root = new Map<string, PhpArray | string>();
	let count = 0;
	let droppedVars = 0;
	for (const pair of text.split('&')) {
		if (pair === '') continue;
		if (count >= maxVars) {
			droppedVars++;
			continue;
		}
		count++;
		const equals = pair.indexOf('=');
		const rawName = equals < 0 ? pair : pair.slice(0, equals);
		const rawValue = equals < 0 ? '' : pair.slice(equals + 1);
		const name = phpUrldecode(Buffer.from(rawName, 'latin1')).toString('utf8');
		const value = phpUrldecode(Buffer.from(rawValue, 'latin1')).toString('utf8');
		register(root, name, value);
	}
	const params: PhpParams = {};
	for (const [key, value] of root) define(params, key, typeof value === 'string' ? value : value.toValue());
	return { params, droppedVars };
}

export function parseStr(input: Buffer | string): PhpParams {
	return parseStrDetailed(input).params;
}

/** json_encode() defaults: slashes and non-ASCII characters are escaped. */
export function phpJsonEncode(value: unknown): string {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u0080-\uffff]/g, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** String conversion PHP applies when an array is used where a string is expected. */
export function phpString(value: PhpValue | undefined): string | undefined {
	if (value === undefined) return undefined;
	return typeof value === 'string' ? value : 'Array';
}

/** floatval(): the longest leading numeric prefix, 0 when there is none. */
export function phpFloat(value: string): number {
	const match = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(value);
	return match ? Number(match[0]) : 0;
}
