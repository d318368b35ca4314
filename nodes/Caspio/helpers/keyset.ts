/**
 * Return All by PK_ID ranges, as plain values: which reads qualify, how the table's PK_ID span is cut into ranges,
 * and the where clause that reads one range page by page (keyset: `PK_ID > last AND PK_ID <= upTo`, ordered by
 * PK_ID). A row that exists for the whole read sits in exactly one range and is read exactly once, whatever is
 * deleted or inserted meanwhile; page numbers cannot promise that, since a delete shifts every later page.
 */

/** Caspio's largest page (q.pageSize ≤ 1000). */
export const PAGE_ROWS = 1000;

/** Requests in flight at once for one Return All. */
export const READ_CONCURRENCY = 4;

/** The rows of one range: PK_ID greater than `after`, up to and including `upTo`. */
export interface PkRange {
	after: number;
	upTo: number;
}

/** What the bounds request answers: the smallest and largest PK_ID the read matches, and how many rows. */
export interface PkBounds {
	lo: number;
	hi: number;
	count: number;
}

/**
 * At most `concurrency` ranges covering [lo, hi], each about the same number of pages. On a table without gaps each
 * range holds a whole number of pages, so no range ends on a short page that a single reader would not have read.
 */
export function pkRanges(bounds: PkBounds, concurrency = READ_CONCURRENCY, pageRows = PAGE_ROWS): PkRange[] {
	const { lo, hi, count } = bounds;
	if (count <= 0 || hi < lo) return [];
	const span = hi - lo + 1;
	const pages = Math.ceil(count / pageRows);
	const pagesPerRange = Math.ceil(pages / Math.max(1, Math.min(concurrency, pages)));
	// Rows per PK_ID unit is count / span; a range is as wide as `pagesPerRange` pages of rows at that density.
	const width = Math.max(1, Math.ceil((pagesPerRange * pageRows * span) / Math.max(count, 1)));
	const ranges: PkRange[] = [];
	for (let after = lo - 1; after < hi; after += width) ranges.push({ after, upTo: Math.min(after + width, hi) });
	return ranges;
}

/** The user's where (already built and escaped), kept whole in parentheses, narrowed to the keyset window. */
export function keysetWhere(where: string | undefined, after: number, upTo: number): string {
	const window = `PK_ID > ${Math.trunc(after)} AND PK_ID <= ${Math.trunc(upTo)}`;
	return where?.trim() ? `(${where}) AND ${window}` : window;
}

/** A number from the bounds answer, or undefined (an empty read has NULL bounds). */
export function boundOf(value: unknown): number | undefined {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
	return Number.isFinite(number) ? number : undefined;
}
