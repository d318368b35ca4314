/** Small value helpers shared by the ActiveCampaign sandbox modules. */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A request value as text: ActiveCampaign accepts numbers and strings alike. */
export function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** A positive integer id from a number or a numeric string. */
export function idOf(value: unknown): number | undefined {
	const s = text(value)?.trim();
	return s && /^\d+$/.test(s) && Number(s) > 0 ? Number(s) : undefined;
}

/** The account's fixed time zone; the vendor writes local times with an offset. */
const OFFSET_MINUTES = -5 * 60;
const OFFSET_TEXT = '-05:00';

/** `2026-11-27T01:02:03-05:00`, the documented date style. */
export function iso(ms: number): string {
	return new Date(ms + OFFSET_MINUTES * 60_000).toISOString().slice(0, 19) + OFFSET_TEXT;
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, as in `created_utc_timestamp`. */
export function utcStamp(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses a filter date; a bare date means midnight in the account's zone. */
export function parseDate(value: string): number | undefined {
	const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00${OFFSET_TEXT}` : value);
	return Number.isNaN(ms) ? undefined : ms;
}

export const validEmail = (email: string): boolean => /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email);

export const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
