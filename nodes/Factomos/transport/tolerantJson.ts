/**
 * JSON as the Factomos documentation writes it. Its examples carry two slips that JSON.parse
 * rejects: a comma before `}` or `]` (§8, §23) and no comma between two objects of an array
 * (§23, listEmailTemplates, the credential test's call). Both are repaired, outside strings only;
 * any other defect is left for the caller to report.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function nextSignificant(text: string, from: number): string | undefined {
	let index = from;
	while (index < text.length && WHITESPACE.has(text[index])) index++;
	return text[index];
}

/** Drops trailing commas and adds the missing comma between `}` and `{` inside an array. */
export function repairJsonSlips(text: string): string {
	const parts: string[] = [];
	const open: string[] = [];
	let start = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (inString) {
			if (char === '\\') i++;
			else if (char === '"') inString = false;
		} else if (char === '"') {
			inString = true;
		} else if (char === '{' || char === '[') {
			open.push(char);
		} else if (char === ']') {
			open.pop();
		} else if (char === '}') {
			open.pop();
			if (open[open.length - 1] === '[' && nextSignificant(text, i + 1) === '{') {
				parts.push(text.slice(start, i + 1), ',');
				start = i + 1;
			}
		} else if (char === ',') {
			const next = nextSignificant(text, i + 1);
			if (next === '}' || next === ']') {
				parts.push(text.slice(start, i));
				start = i + 1;
			}
		}
	}
	parts.push(text.slice(start));
	return parts.join('');
}

/**
 * Strict JSON first, so a valid text is never altered; then the repaired text. Returns undefined
 * when neither parses.
 */
export function parseTolerantJson(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) };
	} catch {
		// Repaired below.
	}
	try {
		return { value: JSON.parse(repairJsonSlips(text)) };
	} catch {
		return undefined;
	}
}
