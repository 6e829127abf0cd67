import type * as N8nWorkflow from 'n8n-workflow';

import { loadBuiltDescription } from '../helpers/built';
import { evaluateSubtitle, operationsOf } from '../helpers/subtitle';
import { createRequire, path } from '../host';
import { MAJORS, SETUP_TIMEOUT, runtimeModule } from './support';

/**
 * The canvas subtitle is an expression n8n's editor evaluates: checked with the expression engine
 * of each n8n the suite runs (1.x and 2.x), not only with the repository's n8n-workflow.
 */
const description = loadBuiltDescription();
const OPERATIONS = operationsOf(description);

describe.each(MAJORS)('node => subtitle in n8n %s', (_version, major) => {
	let workflowModule: typeof N8nWorkflow;

	beforeAll(() => {
		const runtime = runtimeModule.ensureN8n(major);
		const n8nPackage = path.join(path.dirname(runtime.n8nBin), '..', 'n8n', 'package.json');
		workflowModule = createRequire(n8nPackage)('n8n-workflow') as typeof N8nWorkflow;
	}, SETUP_TIMEOUT);

	it('should show every operation by its display names, e.g. "Invoice: Get Many"', () => {
		const shown = OPERATIONS.map(([resource, operation]) => evaluateSubtitle(workflowModule, description, { resource, operation }));
		expect(shown).toEqual(OPERATIONS.map(([, , expected]) => expected));
		expect(shown).toContain('Invoice: Get Many');
	});
});
