import { acSandbox, counts } from '../support';

const ac = acSandbox();

const parameters = {
	resource: 'contact',
	operation: 'bulkImport',
	email: '={{ $json.email }}',
	tags: 'imported, ={{ $json.tier }}',
	listsToSubscribe: ['Newsletter'],
	customFields: { field: [{ name: 'Seats', value: '={{ $json.seats }}' }] },
	additionalFields: { firstName: '={{ $json.first }}' },
	options: { excludeAutomations: true, waitSeconds: 60 },
};

describe('Contact → Bulk Import', () => {
	beforeEach(() => ac.seed({ lists: ['Newsletter'], fields: [{ title: 'Seats', type: 'number' }] }));

	it('imports 1,000 items in 4 requests and reports each contact, state exact', async () => {
		const items = Array.from({ length: 1000 }, (_, i) => ({ email: `p${i}@example.com`, first: `P${i}`, seats: String(i % 7), tier: 'gold' }));

		const { outputs } = await ac.run({ ...parameters, tags: 'imported, gold' }, items);

		expect(outputs[0]).toHaveLength(1000);
		expect(outputs[0].every((o, i) => o.pairedItem && (o.pairedItem as { item: number }).item === i)).toBe(true);
		expect(outputs[0][999].json).toMatchObject({ email: 'p999@example.com', status: 'imported', batchId: expect.any(String) });
		// Accepted requests: a 429 under heavy load would be retried, and is not an import.
		const { requests } = await ac.stats();
		expect(requests['POST /api/3/import/bulk_import']['200']).toBe(4);
		expect(requests['GET /api/3/import/info']['200']).toBe(4);
		const state = await ac.state();
		expect(state.contacts).toHaveLength(1000);
		expect(state.contacts[123]).toMatchObject({
			email: 'p123@example.com',
			firstName: 'P123',
			tags: ['imported', 'gold'],
			lists: [{ name: 'Newsletter', status: 1 }],
			fieldValues: { SEATS: String(123 % 7) },
		});
		expect(state.imports.map((b) => b.success.length)).toEqual([250, 250, 250, 250]);
	}, 60_000);

	it('with Continue On Fail, a bad email goes to the error output and the rest are imported', async () => {
		const items = [{ email: 'a@example.com' }, { email: 'broken' }, { email: 'c@example.com' }];

		const { outputs } = await ac.run({ ...parameters, tags: 'imported', customFields: {} }, items, 'continueErrorOutput');

		expect(outputs[0].map((o) => [o.json.email, o.json.status, o.pairedItem])).toEqual([
			['a@example.com', 'imported', { item: 0 }],
			['c@example.com', 'imported', { item: 2 }],
		]);
		expect(outputs[1].map((o) => [o.json.error, o.pairedItem])).toEqual([
			['Email "broken" is not a valid email address [item 1]', { item: 1 }],
		]);
		expect((await ac.state()).contacts.map((c) => c.email)).toEqual(['a@example.com', 'c@example.com']);
	});

	it('without Continue On Fail, one bad item stops the run before anything is imported', async () => {
		const { error } = await ac.run({ ...parameters, customFields: {} }, [{ email: 'a@example.com' }, { email: 'broken' }]);

		expect(error?.message).toBe('Email "broken" is not a valid email address [item 1]');
		expect(counts(await ac.stats())['POST /api/3/import/bulk_import']).toBeUndefined();
	});

	describe('Wait for Completion', () => {
		const two = [{ email: 'a@example.com' }, { email: 'b@example.com' }];
		const waiting = (waitSeconds: number) => ({ ...parameters, tags: 'imported', customFields: {}, options: { waitSeconds } });
		const statusReads = async () => counts(await ac.stats())['GET /api/3/import/info'] ?? 0;
		const importTakes = (ms: number) => ac.env.ac.admin('POST', '/options', { importDelayMs: ms });

		it('at 0, every contact comes out queued with its batch and the status is never read', async () => {
			const { outputs } = await ac.run(waiting(0), two);

			expect(outputs[0].map((o) => [o.json.email, o.json.status])).toEqual([
				['a@example.com', 'queued'],
				['b@example.com', 'queued'],
			]);
			expect(outputs[0][1].json.batchId).toBe(outputs[0][0].json.batchId);
			expect(await statusReads()).toBe(0);
		});

		it('asks again after 0.5 s, then 1 s later, until the batch has finished', async () => {
			await importTakes(1200);

			const { outputs } = await ac.run(waiting(10), two);

			expect(outputs[0].map((o) => o.json.status)).toEqual(['imported', 'imported']);
			expect(await statusReads()).toBe(3);
		});

		it('confirms the batches side by side: the next ones go out and are read while the first is still running', async () => {
			await importTakes(1200);
			// The order the sandbox received the imports and status reads in (batch ids in the order they were queued).
			const seen: string[] = [];
			const service = ac.env.sandbox.core.service;
			const before = service.before?.bind(service);
			service.before = (req) => {
				if (req.template.endsWith('/import/info')) seen.push(`read ${req.query.get('batchId')}`);
				if (req.template.endsWith('/import/bulk_import')) seen.push('import');
				return before?.(req);
			};
			const items = Array.from({ length: 750 }, (_, i) => ({ email: `s${i}@example.com` }));

			try {
				const { outputs } = await ac.run(waiting(30), items);

				expect(outputs[0].map((o) => o.json.status)).toEqual(items.map(() => 'imported'));
			} finally {
				service.before = before;
			}
			const batches = [...new Set(batchesInReadOrder(seen))];
			expect(batches).toHaveLength(3);
			const lastReadOfFirst = seen.lastIndexOf(`read ${batches[0]}`);
			// Every import went out, and the later batches were read, before the first batch was confirmed.
			expect(seen.lastIndexOf('import')).toBeLessThan(lastReadOfFirst);
			expect(seen.indexOf(`read ${batches[2]}`)).toBeLessThan(lastReadOfFirst);
			expect((await ac.stats()).maxApiRequestsPerSecond).toBeLessThanOrEqual(5);
		}, 60_000);

		it('a batch whose status cannot be read fails its own items only; the other batches are reported', async () => {
			const service = ac.env.sandbox.core.service;
			const before = service.before?.bind(service);
			let firstBatch: string | null | undefined;
			service.before = (req) => {
				if (req.template.endsWith('/import/info')) {
					firstBatch ??= req.query.get('batchId');
					if (req.query.get('batchId') === firstBatch) return { status: 404, body: { message: 'No import batch.' } };
				}
				return before?.(req);
			};
			const items = Array.from({ length: 300 }, (_, i) => ({ email: `f${i}@example.com` }));

			try {
				const { outputs } = await ac.run(waiting(30), items, 'continueErrorOutput');

				expect(outputs[1].map((o) => (o.pairedItem as { item: number }).item)).toEqual(items.slice(0, 250).map((_, i) => i));
				expect(outputs[0].map((o) => [o.json.email, o.json.status])).toEqual(items.slice(250).map((i) => [i.email, 'imported']));
			} finally {
				service.before = before;
			}
		}, 60_000);

		it('a batch still running when the wait runs out comes out queued, not as an error', async () => {
			await importTakes(3000);

			const { outputs, error } = await ac.run(waiting(1), two);

			expect(error).toBeUndefined();
			expect(outputs[0].map((o) => o.json.status)).toEqual(['queued', 'queued']);
			expect(await statusReads()).toBe(2);
		});
	});
});

/** Batch ids in the order their first status read arrived. */
function batchesInReadOrder(seen: string[]): string[] {
	return seen.filter((e) => e.startsWith('read ')).map((e) => e.slice('read '.length));
}
