import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FactomosEmulator, type EmulatorOptions } from '../emulator';
import { runNode, type TestCredentials } from './n8n';

/**
 * The set-up every operation test file shares: a seeded emulator per file, reset before each
 * test, no protocol violations allowed, and assertions for API errors and input errors.
 */
export function useActionEmulator(options: EmulatorOptions = { seed: true }) {
	const env = {} as { emu: FactomosEmulator; creds: TestCredentials };

	beforeAll(async () => {
		env.emu = new FactomosEmulator(options);
		env.creds = { token: env.emu.token, secret: env.emu.secret, baseUrl: await env.emu.start() };
	});
	afterAll(async () => await env.emu.stop());
	beforeEach(() => {
		env.emu.reset();
		env.emu.seed();
	});
	afterEach(() => expect(env.emu.violations).toEqual([]));

	/** Awaits a run that must fail, and checks the error never carries the secret or the token. */
	async function failure(
		run: Promise<unknown>,
		secrets = [env.emu.secret, env.emu.token],
	): Promise<NodeApiError & NodeOperationError> {
		const error = await run.then(
			() => undefined,
			(caught: unknown) => caught,
		);
		expect(error).toBeDefined();
		const text = JSON.stringify({
			message: (error as Error).message,
			description: (error as NodeApiError).description,
			response: (error as NodeApiError).errorResponse,
		});
		for (const secret of secrets) expect(text).not.toContain(secret);
		return error as NodeApiError & NodeOperationError;
	}

	/** A documented API error: right code, action and the doc's explanation, tied to the item. */
	async function expectApiError(
		parameters: INodeParameters,
		action: string,
		code: number,
		explanation: string,
		credentials = env.creds,
		emulator = env.emu,
	) {
		const error = await failure(runNode(credentials, parameters), [emulator.secret, emulator.token]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(new RegExp(`^Factomos error ${code} on ${action}: `));
		expect(error.description).toContain(explanation);
		expect(error.errorResponse).toMatchObject({ code });
		expect(error.context.itemIndex).toBe(0);
		expect(emulator.calls.at(-1)?.responseCode).toBe(code);
	}

	/** Input the node rejects itself: a NodeOperationError naming the problem, and no API call. */
	async function expectInputError(parameters: INodeParameters, message: RegExp, items?: IDataObject[]) {
		const before = env.emu.calls.length;
		const error = await failure(runNode(env.creds, parameters, { items }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(error.description).toBeTruthy();
		expect(error.context.itemIndex).toBe(0);
		expect(env.emu.calls.length).toBe(before);
	}

	return { env, failure, expectApiError, expectInputError };
}
