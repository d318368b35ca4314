import { randomUUID } from 'node:crypto';

import type { SandboxRequest, SandboxResponse } from '../server';

export const REQUEST_ID_HEADER = 'X-Caspio-Request-ID';

/** A refusal the handlers throw; the service turns it into the documented envelope (§5.1). */
export class CaspioError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

/** `{Code, Message, Resource, RequestId}` with the same id in the `X-Caspio-Request-ID` header (§5.1). */
export function envelope(
	req: SandboxRequest | undefined,
	status: number,
	code: string,
	message: string,
	headers: Record<string, string> = {},
): SandboxResponse {
	const requestId = randomUUID();
	const query = req?.query.toString();
	const resource = req ? `http://${req.headers.host ?? 'localhost'}${req.path}${query ? `?${query}` : ''}` : '';
	return {
		status,
		headers: { ...headers, [REQUEST_ID_HEADER]: requestId },
		body: { Code: code, Message: message, Resource: resource, RequestId: requestId },
	};
}

/** Every API response carries a request id; error envelopes already chose theirs. */
export function withRequestId(res: SandboxResponse): SandboxResponse {
	if (res.headers?.[REQUEST_ID_HEADER]) return res;
	return { ...res, headers: { ...res.headers, [REQUEST_ID_HEADER]: randomUUID() } };
}

/** Wraps a handler so a thrown CaspioError becomes the documented envelope. */
export function guarded(handler: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>) {
	return async (req: SandboxRequest): Promise<SandboxResponse> => {
		try {
			return await handler(req);
		} catch (error) {
			if (error instanceof CaspioError) return envelope(req, error.status, error.code, error.message, error.headers);
			throw error;
		}
	};
}
