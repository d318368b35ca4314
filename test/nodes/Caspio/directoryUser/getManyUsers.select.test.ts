import { seedDirectories } from '../support/directories';
import { caspioTestbed, json, type CaspioTestbed } from '../support/testbed';

describe('Caspio directory user: Get Many Users with Fields to Return', () => {
	let bed: CaspioTestbed;
	let id: string;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => {
		const state = await seedDirectories(bed);
		id = state().directories[0].Id;
	});
	const run = (select: string[]) => bed.run({ resource: 'directoryUser', operation: 'getManyUsers', directoryId: id, returnAll: true, options: { select } });

	it('returns only the chosen fields, spelled as the directory spells them, sent as q.select', async () => {
		const out = await run(['email', 'First_Name', 'Email']);

		// Users come ordered by UserGUID, and Cy's is random: compare by email.
		expect(json(out).sort((a, b) => String(a.Email).localeCompare(String(b.Email)))).toEqual([
			{ Email: 'ada@example.com', First_Name: 'Ada' },
			{ Email: 'bob@example.com', First_Name: "O'Brien" },
			{ Email: 'cy@example.com', First_Name: "x' OR 1=1 --" },
		]);
		const read = bed.seen.find((r) => r.path.endsWith('/users'));
		expect(read?.query.get('q.select')).toBe('Email,First_Name');
	});

	it('refuses a password field and a field the directory lacks before reading users', async () => {
		expect((await run(['Password'])).error?.message).toBe('Field "Password" cannot be returned: it is a password field [item 0]');
		expect((await run(['Email, Password'])).error?.message).toBe('Field "Email, Password" cannot be returned: it is not a field of this directory [item 0]');
		expect(bed.seen.filter((r) => r.path.endsWith('/users'))).toHaveLength(0);
	});
});
