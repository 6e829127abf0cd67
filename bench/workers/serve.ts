import { process } from '../../test/host';

/** The child side of bench/lib/worker.ts: answers each IPC request with `handler`'s result. */
export function serve<T extends object>(handler: (message: T) => Promise<unknown>): void {
	process.on('message', (message: T & { id: number }) => {
		handler(message).then(
			(result) => process.send!({ id: message.id, result }),
			(error: Error) => process.send!({ id: message.id, error: error.stack ?? error.message }),
		);
	});
	// Stay alive until the parent goes away.
	process.on('disconnect', () => process.exit(0));
}
