import type { IDataObject } from 'n8n-workflow';

import { ADA, BOB, seedDirectories } from '../support/directories';
import { caspioTestbed, json, type CaspioTestbed } from '../support/testbed';

const equals = (field: string, value: unknown) => ({ conditions: [{ field, operator: 'equals', value }] });

describe('Caspio directory user', () => {
	let bed: CaspioTestbed;
	let id: string;
	let state: Awaited<ReturnType<typeof seedDirectories>>;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => {
		state = await seedDirectories(bed);
		id = directories()[0].Id;
	});

	const directories = () => state().directories;
	const users = () => directories()[0].users;
	const byEmail = (email: string) => users().find((u) => u.Email === email);
	const run = (operation: string, parameters: IDataObject = {}, items?: IDataObject[], onError?: 'continueErrorOutput') =>
		bed.run({ resource: 'directoryUser', operation, directoryId: id, ...parameters }, items, onError);
	const writes = () => bed.seen.filter((r) => r.method !== 'GET');

	describe('Get Many Directories', () => {
		it('returns one item per directory with its ID and number of users', async () => {
			const out = await bed.run({ resource: 'directoryUser', operation: 'getManyDirectories' });

			expect(json(out)).toEqual([
				{ Id: id, Name: 'Customers', NumberOfUsers: 3, DateCreated: expect.any(String) },
				{ Id: directories()[1].Id, Name: 'Staff', NumberOfUsers: 1, DateCreated: expect.any(String) },
			]);
		});
	});

	describe('Get Many Users', () => {
		it('returns the users matching typed filters, without passwords, up to the limit', async () => {
			const out = await run('getManyUsers', { returnAll: true, filters: { conditions: [{ field: 'Age', operator: 'greaterThan', value: '30' }] } });

			expect(json(out).map((u) => u.Email).sort()).toEqual(['ada@example.com', 'bob@example.com']);
			expect(json(out)[0]).not.toHaveProperty('Password');
			const read = bed.seen.find((r) => r.path.endsWith('/users'));
			expect(read?.query.get('q.where')).toBe('Age > 30');

			const limited = await run('getManyUsers', { returnAll: false, limit: 2 });
			expect(json(limited)).toHaveLength(2);
		});

		it('matches a hostile filter value literally', async () => {
			const out = await run('getManyUsers', { returnAll: true, filters: equals('First_Name', "x' OR 1=1 --") });

			expect(json(out).map((u) => u.Email)).toEqual(['cy@example.com']);
		});

		it('names a filter field the directory does not have, and an unknown directory ID', async () => {
			const field = await run('getManyUsers', { returnAll: true, filters: equals('Nope', 'x') });
			expect(field.error?.message).toBe('Filter field "Nope" is not a field of this table. Pick it from the list. [item 0]');

			const directory = await run('getManyUsers', { returnAll: true, directoryId: 'not-a-directory' });
			expect(directory.error?.message).toBe('no directory with ID "not-a-directory" [item 0]');
			expect(directory.error?.description).toContain(`Customers (${id})`);
		});
	});

	describe('Create User', () => {
		it('adds the user from field pairs, password included, and returns it as stored', async () => {
			const out = await run('createUser', {
				fields: { field: [{ name: 'Email', value: 'dee@example.com' }, { name: 'Age', value: '52' }, { name: 'Password', value: 's3cret' }, { name: 'Newsletter', value: 'yes' }] },
			});

			expect(out.run.status).toBe('success');
			expect(json(out)[0]).toMatchObject({ Email: 'dee@example.com', Age: 52, Newsletter: true, Status: 'inactive', UserGUID: expect.stringMatching(/^[0-9a-f-]{36}$/) });
			expect(json(out)[0]).not.toHaveProperty('Password');
			expect(byEmail('dee@example.com')).toMatchObject({ Password: 's3cret', Age: 52 });
			expect(users()).toHaveLength(4);
		});

		it('takes the fields as one JSON object, per item', async () => {
			const out = await run('createUser', { fieldsInput: 'json', fieldsJson: '={{ JSON.stringify({ Email: $json.email, First_Name: $json.name }) }}' }, [
				{ email: 'e@example.com', name: 'Eve' },
				{ email: 'f@example.com', name: 'Fay' },
			]);

			expect(json(out).map((u) => u.First_Name)).toEqual(['Eve', 'Fay']);
			expect(users().map((u) => u.Email)).toEqual(['ada@example.com', 'bob@example.com', 'cy@example.com', 'e@example.com', 'f@example.com']);
		});

		it('sends a bad item to the error output naming the item and field; the good ones are created', async () => {
			const out = await run(
				'createUser',
				{ fieldsInput: 'json', fieldsJson: '={{ $json.fields }}' },
				[{ fields: '{"Email": "g@example.com", "Age": 30}' }, { fields: '{"Email": "h@example.com", "Age": "old"}' }, { fields: '[1]' }],
				'continueErrorOutput',
			);

			expect(json(out).map((u) => u.Email)).toEqual(['g@example.com']);
			expect(out.outputs[1].map((i) => [i.json.error, i.pairedItem])).toEqual([
				['Field "Age" (NUMBER) needs a number, got "old" [item 1]', { item: 1 }],
				['Fields (JSON) is not a JSON object [item 2]', { item: 2 }],
			]);
			expect(users().map((u) => u.Email)).toEqual(['ada@example.com', 'bob@example.com', 'cy@example.com', 'g@example.com']);
		});

		it('refuses a field the directory lacks and one Caspio generates, before sending anything', async () => {
			const unknown = await run('createUser', { fields: { field: [{ name: 'Nope', value: '1' }] } });
			expect(unknown.error?.message).toBe('Field "Nope" is not a field of this table [item 0]');
			const generated = await run('createUser', { fields: { field: [{ name: 'UserGUID', value: ADA }] } });
			expect(generated.error?.message).toBe('Field "UserGUID" is GUID and cannot be written by a record create [item 0]');
			expect(writes()).toHaveLength(0);
		});
	});

	describe('Update User', () => {
		it('changes exactly the users the filter matches, sending the capitalised Where', async () => {
			const out = await run('updateUser', { filters: equals('Email', 'bob@example.com'), fields: { field: [{ name: 'Age', value: '42' }] } });

			expect(json(out)[0]).toMatchObject({ recordsAffected: 1, users: [{ Email: 'bob@example.com', Age: 42 }] });
			expect(users().map((u) => u.Age)).toEqual([36, 42, 29]);
			const [put] = writes();
			expect([...put.query.keys()]).toEqual(['Where', 'response']);
			expect(put.query.get('Where')).toBe("Email = N'bob@example.com'");
		});

		it("matches a hostile value literally: O'Brien is one user, a quoted OR matches only its own text", async () => {
			await run('updateUser', { filters: equals('First_Name', "O'Brien"), fields: { field: [{ name: 'Age', value: '50' }] } });
			const hostile = await run('updateUser', { filters: equals('First_Name', "' OR 1=1 --"), fields: { field: [{ name: 'Age', value: '0' }] } });

			expect(json(hostile)[0]).toMatchObject({ recordsAffected: 0 });
			expect(users().map((u) => u.Age)).toEqual([36, 50, 29]);
		});

		it('refuses an empty filter and a password change without sending a write', async () => {
			const empty = await run('updateUser', { fields: { field: [{ name: 'Age', value: '1' }] } });
			expect(empty.error?.message).toBe('Update needs at least one filter [item 0]');

			const password = await run('updateUser', { filters: equals('Email', 'ada@example.com'), fields: { field: [{ name: 'Password', value: 'x' }] } });
			expect(password.error?.message).toBe('Field "Password" is PASSWORD and cannot be written by a record update [item 0]');
			expect(writes()).toHaveLength(0);
			expect(users().map((u) => u.Age)).toEqual([36, 41, 29]);
		});
	});

	describe('Delete User', () => {
		it('deletes exactly the users the filter matches', async () => {
			const out = await run('deleteUser', { filters: equals('Email', 'bob@example.com') });

			expect(json(out)).toEqual([{ recordsAffected: 1 }]);
			expect(users().map((u) => u.Email)).toEqual(['ada@example.com', 'cy@example.com']);
			expect(writes()[0].query.get('Where')).toBe("Email = N'bob@example.com'");
		});

		it('refuses an empty filter without sending a delete', async () => {
			const out = await run('deleteUser', {});

			expect(out.error?.message).toBe('Delete refused: no filter given [item 0]');
			expect(writes()).toHaveLength(0);
			expect(users()).toHaveLength(3);
		});

		it('sends an item with a bad filter to the error output and goes on with the next', async () => {
			const filters = { conditions: [{ field: '={{ $json.field }}', operator: 'equals', value: '={{ $json.value }}' }] };
			const out = await run('deleteUser', { filters }, [{ field: 'Nope', value: 'x' }, { field: 'Age', value: 29 }], 'continueErrorOutput');

			expect(out.outputs[1].map((i) => [i.json.error, i.pairedItem])).toEqual([
				['Filter field "Nope" is not a field of this table. Pick it from the list. [item 0]', { item: 0 }],
			]);
			expect(json(out)).toEqual([{ recordsAffected: 1 }]);
			expect(users().map((u) => u.Email)).toEqual(['ada@example.com', 'bob@example.com']);
			expect(writes()).toHaveLength(1);
		});

		it('empties the directory only with Delete All Users on, and leaves other directories alone', async () => {
			const out = await run('deleteUser', { deleteAll: true });

			expect(json(out)).toEqual([{ recordsAffected: 3 }]);
			expect(users()).toEqual([]);
			expect(directories()[1].users).toHaveLength(1);
		});
	});

	describe('Activate User', () => {
		it('activates the user by UserGUID and returns the activation URL, with or without the email', async () => {
			const out = await run('activateUser', { userGuid: BOB, sendEmail: false });

			expect(json(out)).toEqual([
				{ directory: 'Customers', directoryId: id, UserGUID: BOB, emailSent: false, ActivationUrl: expect.stringContaining('/activate/') },
			]);
			expect(byEmail('bob@example.com')?.Status).toBe('active');
			expect(state().activations).toEqual([expect.objectContaining({ UserGUID: BOB, SendEmail: false, ActivationUrl: json(out)[0].ActivationUrl })]);
			const [post] = writes();
			expect(post.body).toEqual({ UserGUID: BOB, SendEmail: false });
		});

		it('refuses a value that is not a GUID, naming the item and field; an unknown user is Caspio’s 404', async () => {
			const out = await run('activateUser', { userGuid: '={{ $json.guid }}' }, [{ guid: "1' OR '1'='1" }, { guid: '33333333-3333-4333-8333-333333333333' }], 'continueErrorOutput');

			expect(out.outputs[1].map((i) => i.json.error)).toEqual([
				`User GUID must be a GUID, got "1' OR '1'='1" [item 0]`,
				expect.stringMatching(/^Caspio answered HTTP 404 while activating user 33333333-3333-4333-8333-333333333333 in directory "Customers"/),
			]);
			expect(state().activations).toEqual([]);
		});
	});
});
