import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type ITriggerFunctions,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { parseRetryAfter, type AttemptFailure } from './retry';
import type { UrlCheck } from './url';

/** Every n8n context a node method runs in that can make authenticated requests. */
export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| ITriggerFunctions
	| IWebhookFunctions;

/** What a failed HTTP call left behind, read from n8n's error or the raw client error beneath it. */
export interface HttpFailure extends AttemptFailure {
	/** Parsed response body, when the service answered. */
	body?: unknown;
	headers?: Record<string, unknown>;
	/** The underlying error's own words, for failures that are neither an HTTP answer nor a network error. */
	message?: string;
}

interface ErrorLike {
	message?: string;
	httpCode?: string | null;
	code?: string;
	cause?: ErrorLike;
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
	context?: { data?: unknown };
}

/** Reads status, headers, body and network code from an error thrown by n8n's request helpers. */
export function readHttpFailure(error: unknown): HttpFailure {
	const chain: ErrorLike[] = [];
	for (let e = error as ErrorLike | undefined; e && chain.length < 5; e = e.cause) chain.push(e);
	const withResponse = chain.find((e) => e.response?.status !== undefined);
	if (withResponse?.response) {
		const { status, headers = {}, data } = withResponse.response;
		const retryAfter = headers['retry-after'] ?? headers['Retry-After'];
		return { status, headers, body: parseBody(data), retryAfterMs: parseRetryAfter(retryAfter) };
	}
	const httpCode = chain.map((e) => Number(e.httpCode)).find((code) => Number.isInteger(code) && code >= 100);
	if (httpCode !== undefined) return { status: httpCode, body: chain.find((e) => e.context?.data)?.context?.data };
	const networkCode = chain.map((e) => e.code).find((code) => typeof code === 'string' && /^E[A-Z_]+$/.test(code));
	if (networkCode) return { networkCode };
	return { message: (chain.at(-1) as { message?: string } | undefined)?.message };
}

function parseBody(data: unknown): unknown {
	// A download asked for bytes, so its error envelope arrives as bytes too.
	if (Buffer.isBuffer(data) || data instanceof ArrayBuffer) data = Buffer.from(data as Buffer).toString('utf8');
	if (typeof data !== 'string') return data;
	try {
		return JSON.parse(data);
	} catch {
		return data;
	}
}

/** Idempotent unless it creates something: POST may duplicate when resent after an unknown outcome. */
export function isIdempotentMethod(method: string): boolean {
	return method.toUpperCase() !== 'POST';
}

/**
 * The error users see for a failed call: built from a fresh object so nothing of the request (headers, tokens,
 * bodies with secrets) rides along, and never wrapped twice.
 */
export function apiError(
	context: RequestContext,
	outcome: { error: unknown; exhausted?: string },
	describe: (failure: HttpFailure) => { message: string; description: string },
): NodeApiError {
	const failure = readHttpFailure(outcome.error);
	const { message, description } = describe(failure);
	const full = outcome.exhausted ? `${message} (${outcome.exhausted})` : message;
	const httpCode = failure.status !== undefined ? String(failure.status) : undefined;
	return new NodeApiError(context.getNode(), { message: full, description, httpCode: httpCode ?? null } as JsonObject, {
		message: full,
		description,
		httpCode,
	});
}

/** A URL read from the credential, or an error that says which field to correct and how. */
export function credentialUrl(context: RequestContext, check: UrlCheck): string {
	if (check.problem !== undefined) {
		throw new NodeOperationError(context.getNode(), check.problem, {
			description: 'Open the credential used by this node and correct the field.',
		});
	}
	return check.url;
}
