import { acSandbox, counts } from '../support';
import { CONTACTS } from './seed';

const ac = acSandbox();

describe('Contact → Delete', () => {
	beforeEach(() => ac.seed(CONTACTS));

	it('deletes by email', async () => {
		const { outputs } = await ac.run({ resource: 'contact', operation: 'delete', contact: 'bo@example.com' });

		expect(outputs[0][0].json).toMatchObject({ email: 'bo@example.com', deleted: true });
		expect((await ac.state()).contacts.map((c) => c.email)).toEqual(['ada@example.com', 'cy@example.com']);
		expect(counts(await ac.stats())).toEqual({ 'GET /api/3/contacts': 1, 'DELETE /api/3/contacts/:id': 1 });
	});
});
