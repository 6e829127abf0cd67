import { useActionEmulator } from '../helpers/actions';
import { runWorkflow } from '../helpers/workflow';

/** "On Error → Continue (using error output)", routed by n8n-core's real WorkflowExecute. */

const { env } = useActionEmulator();

const GET_EXPENSE = { resource: 'expense', operation: 'get', expense_id: '={{ $json.id }}' };
const ITEMS = [{ id: 9001 }, { id: 'x' }, { id: 12 }, { id: 9001 }];

describe('expense => get', () => {
	it('should send failed items to the error output with pairedItem and the error fields, successes to the main output', async () => {
		const run = await runWorkflow(env.creds, GET_EXPENSE, ITEMS, { onError: 'continueErrorOutput' });

		expect(run.error).toBeUndefined();
		const [main, errors] = run.outputs;
		expect(main.map((item) => [item.pairedItem, item.json.expense_id])).toEqual([
			[{ item: 0 }, '9001'],
			[{ item: 3 }, '9001'],
		]);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		// n8n adds the input item's fields to each error item.
		expect(errors[0].json).toEqual({
			id: 'x',
			error: {
				message: 'Expense ID is invalid: "x"',
				description: 'Expense ID must be a numeric Factomos ID, e.g. 5782.',
			},
		});
		expect(errors[1].json).toEqual({
			id: 12,
			error: {
				message: 'Factomos error -24 on getExpense: Expense not found',
				description: 'No expense with this ID exists in this Factomos account.',
				code: -24,
				apiMessage: 'Expense not found',
			},
		});
		// The item that failed before any call cost nothing.
		expect(env.emu.calls.map((call) => call.params.expense_id)).toEqual(['9001', '12', '9001']);
	});

	it('should keep every item on the main output with Continue (using regular output)', async () => {
		const run = await runWorkflow(env.creds, GET_EXPENSE, ITEMS, { onError: 'continueRegularOutput' });

		expect(run.outputs).toHaveLength(1);
		const [main] = run.outputs;
		expect(main.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(main[2].json).toEqual({
			error: 'Factomos error -24 on getExpense: Expense not found',
			description: 'No expense with this ID exists in this Factomos account.',
			code: -24,
			apiMessage: 'Expense not found',
		});
	});
});

describe('client => create', () => {
	it('should route a write that may have reached Factomos to the error output with why, and create the others once', async () => {
		env.emu.setFault({ type: 'reset', action: 'createClient', skip: 1, times: 1 });
		const run = await runWorkflow(
			env.creds,
			{ resource: 'client', operation: 'create', category: 'client', client_company_name: '={{ $json.name }}' },
			[{ name: 'A' }, { name: 'B' }, { name: 'C' }],
			{ onError: 'continueErrorOutput' },
		);

		const [main, errors] = run.outputs;
		expect(main.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(errors).toEqual([
			{
				json: {
					name: 'B',
					error: {
						message: 'The connection to Factomos was reset (createClient)',
						description: expect.stringMatching(/may have reached Factomos/),
					},
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(env.emu.calls.filter((call) => call.action === 'createClient')).toHaveLength(3);
	});
});
