/**
 * Whether a failed request may have reached Factomos. Only a connection that never opened proves
 * it did not: a timeout, a reset, an HTTP error or a garbled answer may follow a request Factomos
 * received and carried out.
 */

/** Refused connection, unknown host, DNS not answering: nothing was sent. */
const NEVER_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN)$/;

export function connectionNeverOpened(code: string): boolean {
	return NEVER_SENT.test(code);
}

/** The errorResponse field of a NodeApiError that records it. */
export const REQUEST_SENT = 'requestSent';

export function requestNeverLeft(error: unknown): boolean {
	const response = (error as { errorResponse?: Record<string, unknown> } | undefined)?.errorResponse;
	return response?.[REQUEST_SENT] === false;
}
