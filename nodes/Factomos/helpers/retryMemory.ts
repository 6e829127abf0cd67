import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requestNeverLeft } from '../transport/delivery';

/**
 * n8n's Retry On Fail runs the whole node again, every input item included (n8n-core
 * WorkflowExecute; n8n issue #14423). Every try of one node run gets the same IExecuteData object,
 * so a WeakMap keyed on it remembers, for exactly that node run, how each item of a state-changing
 * operation ended: a later try returns the recorded output, or fails again, instead of sending the
 * item twice. At most one entry per input item; freed with the node run.
 */

export type Outcome = { records: IDataObject[] } | { error: Error };

/** 'sending' from just before a state-changing request leaves until it is answered. */
type WriteState = 'sending' | 'answered';

interface NodeRunMemory {
	outcomes: Map<number, Outcome>;
	writes: Map<number, WriteState>;
}

const memoryByRun = new WeakMap<object, NodeRunMemory>();

function memoryOf(context: IExecuteFunctions): NodeRunMemory | undefined {
	// Contexts built outside a workflow run (tools, tests) may have no execute data: no memory then.
	const key: unknown = context.getExecuteData?.();
	if (!key || typeof key !== 'object') return undefined;
	let memory = memoryByRun.get(key);
	if (!memory) {
		memory = { outcomes: new Map(), writes: new Map() };
		memoryByRun.set(key, memory);
	}
	return memory;
}

/** How an earlier try of this node run ended for the item, when it sent a state-changing request. */
export function recall(context: IExecuteFunctions, itemIndex: number): Outcome | undefined {
	return memoryOf(context)?.outcomes.get(itemIndex);
}

/** Called by the transport's callers around every state-changing request. */
export function noteWrite(context: IExecuteFunctions, itemIndex: number, state: WriteState): void {
	memoryOf(context)?.writes.set(itemIndex, state);
}

/**
 * Records how the item ended if it sent a state-changing request. A failure that proves the
 * request never left (connection refused, unknown host) is not recorded, so a retry sends it.
 */
export function settle(context: IExecuteFunctions, itemIndex: number, outcome: Outcome): void {
	const memory = memoryOf(context);
	const write = memory?.writes.get(itemIndex);
	if (!memory || write === undefined) return;
	memory.writes.delete(itemIndex);
	if ('error' in outcome && write === 'sending' && requestNeverLeft(outcome.error)) return;
	memory.outcomes.set(itemIndex, outcome);
}
