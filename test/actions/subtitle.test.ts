import * as n8nWorkflow from 'n8n-workflow';

import { loadBuiltDescription } from '../helpers/built';
import { evaluateSubtitle, operationsOf } from '../helpers/subtitle';

const description = loadBuiltDescription();
const OPERATIONS = operationsOf(description);

describe('node => subtitle', () => {
	it('should cover all 33 operations', () => {
		expect(OPERATIONS).toHaveLength(33);
	});

	it.each(OPERATIONS)('should show %s => %s on the canvas as "%s"', (resource, operation, expected) => {
		expect(evaluateSubtitle(n8nWorkflow, description, { resource, operation })).toBe(expected);
	});

	it('should fall back to the operation value for an operation it does not know', () => {
		expect(evaluateSubtitle(n8nWorkflow, description, { resource: 'invoice', operation: 'archive' })).toBe('archive');
	});
});
