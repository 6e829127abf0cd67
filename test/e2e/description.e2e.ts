import type * as N8nWorkflow from 'n8n-workflow';

import { loadBuiltDescription } from '../helpers/built';
import { evaluateSubtitle, operationsOf } from '../helpers/subtitle';
import { createRequire, path } from '../host';
import { MAJORS, SETUP_TIMEOUT, runtimeModule } from './support';

/**
 * What each n8n the suite runs (1.x and 2.x) makes of the description with its own n8n-workflow,
 * not only the repository's: the canvas subtitle, an expression the editor evaluates, and the
 * parameters a version-1 node and a version-1.1 node get (`@version` display conditions).
 */
const description = loadBuiltDescription();
const OPERATIONS = operationsOf(description);

describe.each(MAJORS)('node => description in n8n %s', (_version, major) => {
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

	it.each([
		[1, { invoice_status: 'pending' }, ['simplify', 'invoiceStatuses']],
		[1.1, { invoiceStatuses: ['pending'], simplify: true }, ['invoice_status']],
	])('should give a version %s Invoice → Get Many node its own parameters', (typeVersion, present, absent) => {
		const node = { typeVersion, parameters: {} } as never;
		const parameters = workflowModule.NodeHelpers.getNodeParameters(
			description.properties,
			{ resource: 'invoice', operation: 'getAll' },
			true,
			false,
			node,
			description,
		);
		expect(parameters).toMatchObject(present);
		for (const name of absent) expect(parameters).not.toHaveProperty(name);
	});
});
