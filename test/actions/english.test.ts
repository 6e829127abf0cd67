import type { INodeTypeDescription } from 'n8n-workflow';

import { FactomosApi } from '../../credentials/FactomosApi.credentials';
import { Factomos } from '../../nodes/Factomos/Factomos.node';
import { FactomosTrigger } from '../../nodes/FactomosTrigger/FactomosTrigger.node';

/** Keys whose strings the editor shows; option names count when the object is an option (it has a value). */
const SHOWN_KEYS = new Set(['displayName', 'description', 'hint', 'placeholder', 'action']);

function shownStrings(value: unknown, path = '', found: Array<[string, string]> = []): Array<[string, string]> {
	if (Array.isArray(value)) {
		value.forEach((entry, index) => shownStrings(entry, `${path}[${index}]`, found));
	} else if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const [key, entry] of Object.entries(record)) {
			const isOptionName = key === 'name' && 'value' in record;
			if (typeof entry === 'string' && (SHOWN_KEYS.has(key) || isOptionName)) found.push([`${path}.${key}`, entry]);
			else shownStrings(entry, `${path}.${key}`, found);
		}
	}
	return found;
}

// The doc's own words, which stay in the README as reference labels and on the wire as values.
const FRENCH = /[àâçéèêëîïôûùüÿœ]|\b(facture|devis|avoir|fournisseur|produits|règlement|prestation|dépense|acompte|espèces|virement|TVA|OBLIGATOIRE)\b/i;

describe('node => English-only UI', () => {
	const descriptions: Array<[string, INodeTypeDescription | object]> = [
		['Factomos', new Factomos().description],
		['Factomos Trigger', new FactomosTrigger().description],
		['Factomos API credential', { displayName: new FactomosApi().displayName, properties: new FactomosApi().properties }],
	];

	it.each(descriptions)('should show only English in the %s editor strings', (_name, description) => {
		const strings = shownStrings(description);
		expect(strings.length).toBeGreaterThan(3);
		expect(strings.filter(([, text]) => FRENCH.test(text))).toEqual([]);
	});
});
