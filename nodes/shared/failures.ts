import type { HttpFailure } from './http';

/** What a user reads when a call fails: a sentence to act on, and the vendor's own words (or where to look). */
export interface FailureSentence {
	message: string;
	description: string;
}

/**
 * How one service explains its failures, as data: its name, where its words sit in an error body, the hints for its
 * own error codes, and the hints by HTTP status. `describeFailure` turns a failure into the same sentence shape for
 * every service.
 */
export interface FailureVocabulary {
	/** The service's name as users know it. */
	service: string;
	/** Which credential field to check when the service cannot be reached. */
	unreachableAdvice: string;
	/** The vendor's own words from the error body, for the description. */
	vendorWords: (failure: HttpFailure) => string;
	/** A hint for the vendor's error code in the body, when it has one that says more than the status. */
	codeHint?: (failure: HttpFailure) => string | undefined;
	/** Hints by status; `5xx` covers every server error, `other` what is left. */
	statusHints: Partial<Record<number | '5xx', string>> & { other: string };
}

/** The sentence for a failed call made "while" doing `what`. */
export function describeFailure(vocabulary: FailureVocabulary, failure: HttpFailure, what: string): FailureSentence {
	const { service } = vocabulary;
	const status = failure.status;
	if (status === undefined && failure.networkCode === undefined) {
		return { message: failure.message ?? `${service} failed while ${what}`, description: 'Check the credential used by this node.' };
	}
	if (status === undefined) {
		return {
			message: `Could not reach ${service} while ${what} (${failure.networkCode ?? 'network error'})`,
			description: vocabulary.unreachableAdvice,
		};
	}
	const hints = vocabulary.statusHints;
	const hint = vocabulary.codeHint?.(failure) ?? hints[status] ?? (status >= 500 ? hints['5xx'] : undefined) ?? hints.other;
	return { message: `${service} answered HTTP ${status} while ${what}: ${hint}`, description: vocabulary.vendorWords(failure) };
}

/** The parsed error body when it is an object, else an empty one. */
export function errorBody<T extends object>(failure: HttpFailure): Partial<T> {
	const body = failure.body;
	return body && typeof body === 'object' ? (body as Partial<T>) : {};
}
