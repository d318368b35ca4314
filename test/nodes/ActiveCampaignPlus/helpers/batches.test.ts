import { chunkContacts, MAX_IMPORT_BYTES, tooLargeToImport } from '../../../../nodes/ActiveCampaignPlus/helpers/batches';

describe('Contact → Bulk Import', () => {
	it('chunks by 250 contacts and by 400,000 bytes', () => {
		const small = Array.from({ length: 600 }, (_, i) => ({ payload: { email: `x${i}@e.com` } }));
		const big = Array.from({ length: 30 }, (_, i) => ({ payload: { email: `y${i}@e.com`, note: 'z'.repeat(30_000) } }));

		expect(chunkContacts(small).map((c) => c.length)).toEqual([250, 250, 100]);
		const chunks = chunkContacts(big);
		expect(chunks.map((c) => c.length)).toEqual([13, 13, 4]);
		for (const chunk of chunks) {
			expect(Buffer.byteLength(JSON.stringify({ contacts: chunk.map((c) => c.payload) }))).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
		}
	});
});

describe('bulk import batches', () => {
	it('a contact that alone would not fit in a request is told apart before anything is sent', () => {
		expect(tooLargeToImport({ email: 'a@example.com', note: 'z'.repeat(399_000) })).toBe(false);
		expect(tooLargeToImport({ email: 'a@example.com', note: 'z'.repeat(399_900) })).toBe(true);
	});
});
