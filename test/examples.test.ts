import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FactomosEmulator } from './emulator';
import { runNode } from './helpers/n8n';
import { fs, path, REPO_ROOT } from './host';

/** Runs every example workflow, node after node, against a seeded emulator. */

interface ExampleNode {
	name: string;
	type: string;
	parameters: INodeParameters;
}

const folder = path.join(REPO_ROOT, 'examples');
const examples = fs.readdirSync(folder)
	.filter((file) => file.endsWith('.json'))
	.map((file) => [file, JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'))] as const);

let emu: FactomosEmulator;
let baseUrl: string;

beforeAll(async () => {
	emu = new FactomosEmulator({ seed: true });
	baseUrl = await emu.start();
});
afterAll(async () => await emu.stop());
beforeEach(() => {
	emu.seed();
	emu.violations = [];
});

describe('examples => workflows', () => {
	it('should cover every resource of the node', () => {
		const resources = new Set(
			examples.flatMap(([, workflow]) =>
				(workflow.nodes as ExampleNode[]).map((node) => node.parameters.resource).filter(Boolean),
			),
		);
		expect([...resources].sort()).toEqual(
			['account', 'client', 'emailTemplate', 'estimate', 'expense', 'invoice', 'payment', 'service', 'session'],
		);
	});

	it.each(examples)('should run %s end to end against the emulator', async (_file, workflow) => {
		const steps = (workflow.nodes as ExampleNode[]).filter((node) => node.type === 'n8n-nodes-factomos.factomos');
		let items: IDataObject[] = [{}];
		for (const step of steps) {
			const output = await runNode({ token: emu.token, secret: emu.secret, baseUrl }, step.parameters, { items });
			expect(output.length).toBeGreaterThan(0);
			expect(output.every((item) => item.json.error === undefined)).toBe(true);
			items = output.map((item) => item.json);
		}
		expect(emu.violations).toEqual([]);
	});
});
