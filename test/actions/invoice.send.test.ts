import type { INodeParameters } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type TestCredentials } from '../helpers/n8n';

/**
 * Invoice → Send by Email (node version 1.1) outputs to whom and with which template it was sent. sendInvoice answers
 * with no data (§21), so the output says what the node sent, in exactly one call.
 * Seeded: invoice 5001 of World Company; templates 332 (Envoi devis) and 333 (Envoi facture).
 */
const { env } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

async function send(parameters: INodeParameters, typeVersion = 1.1) {
	const output = await runNode(creds, { resource: 'invoice', operation: 'send', invoice_id: '5001', ...parameters }, { typeVersion });
	expect(emu.calls.map((call) => call.action)).toEqual(['sendInvoice']);
	expect(JSON.stringify(output)).not.toContain(emu.secret);
	return output.map((item) => item.json);
}

describe('invoice => send', () => {
	it('should output the recipient and the template picked from the list, with its name', async () => {
		const output = await send({
			email_template_id: { __rl: true, mode: 'list', value: '333', cachedResultName: 'Envoi facture' },
			email_to: 'compta@worldcompany.test',
		});
		expect(output).toEqual([
			{
				invoice_id: '5001',
				sent: true,
				email_to: 'compta@worldcompany.test',
				email_template_id: '333',
				email_template_name: 'Envoi facture',
			},
		]);
		expect([...emu.store.mails.values()].at(-1)).toMatchObject({ email_to: 'compta@worldcompany.test', template_type: 'invoice' });
	});

	it('should output a template given by ID without a name, which the node does not know without a call', async () => {
		const [output] = await send({ email_template_id: { __rl: true, mode: 'id', value: '333' }, email_to: 'a@b.test' });
		expect(output).toEqual({ invoice_id: '5001', sent: true, email_to: 'a@b.test', email_template_id: '333' });
	});

	it('should not trust a picked name when the template comes from an expression', async () => {
		const [output] = await send({
			email_template_id: { __rl: true, mode: 'list', value: '={{ "332" }}', cachedResultName: 'Envoi facture' },
		});
		expect(output).toEqual({ invoice_id: '5001', sent: true, email_to: null, email_template_id: '332' });
	});

	it('should output null for what was left empty, which Factomos then chose', async () => {
		const [output] = await send({});
		expect(emu.calls[0].params).toEqual({ action: 'sendInvoice', invoice_id: '5001' });
		expect(output).toEqual({ invoice_id: '5001', sent: true, email_to: null, email_template_id: null });
	});

	it('should output what it always did in node version 1, as saved workflows had it', async () => {
		const output = await send({ email_template_id: { __rl: true, mode: 'list', value: '333', cachedResultName: 'Envoi facture' }, email_to: 'a@b.test' }, 1);
		expect(output).toEqual([{ invoice_id: '5001', sent: true }]);
	});
});
