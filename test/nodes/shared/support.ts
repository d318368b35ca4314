import type { IDataObject, INode } from 'n8n-workflow';

import type { RequestContext } from '../../../nodes/shared/http';

export const node: INode = {
	id: 'node-1',
	name: 'Under Test',
	type: 'test.node',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** An error shaped like the one n8n's request helper throws when the service answered. */
export function answered(status: number, data: unknown, headers: Record<string, string> = {}): Error {
	return Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, headers, data },
		config: { headers: { Authorization: 'Bearer secret-token-123' } },
	});
}

/** An error shaped like a network failure under n8n's request helper. */
export function unreachable(code: string): Error {
	return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
}

export interface SentRequest {
	credential: string;
	options: IDataObject;
	extra: unknown;
}

/**
 * A node context whose authenticated request helper answers from a script: each call takes the next answer (a value
 * to resolve with, or an Error to throw) and is recorded.
 */
export function scriptedContext(credentials: IDataObject, answers: Array<unknown>) {
	const sent: SentRequest[] = [];
	const context = {
		getNode: () => node,
		getCredentials: async () => credentials,
		helpers: {
			httpRequestWithAuthentication: async (credential: string, options: IDataObject, extra: unknown) => {
				sent.push({ credential, options, extra });
				const answer = answers.shift();
				if (answer instanceof Error) throw answer;
				return answer;
			},
		},
	} as unknown as RequestContext;
	return { context, sent };
}
