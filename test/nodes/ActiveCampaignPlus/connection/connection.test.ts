import { ecomState } from '../ecommerceSupport';
import { acSandbox, counts } from '../support';

const ac = acSandbox();

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'connection',
	operation: 'create',
	service: 'toyShop',
	externalid: 'toys-1',
	name: 'Toy Store',
	logoUrl: 'https://toys.example/logo.png',
	linkUrl: 'https://toys.example/',
	...extra,
});

describe('Connection', () => {
	it('creates a connection whose contacts go to a list chosen by name', async () => {
		const ids = await ac.seed({ lists: ['Customers'] });
		const { outputs, error } = await ac.run(create({ additionalFields: { list: 'customers' } }));

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({ id: '1', name: 'Toy Store', service: 'toyShop', externalid: 'toys-1', listId: ids.lists.Customers });
		expect((await ecomState(ac)).connections).toEqual([
			expect.objectContaining({ name: 'Toy Store', service: 'toyShop', externalid: 'toys-1', logoUrl: 'https://toys.example/logo.png', listId: ids.lists.Customers }),
		]);
	});

	it('gets by name or ID (simplified unless asked), lists with filters, updates and deletes by name', async () => {
		await ac.seed({ connections: [{ name: 'Toy Store', service: 'toyShop' }, { name: 'Book Shop', service: 'bookShop' }] });

		const byName = await ac.run({ resource: 'connection', operation: 'get', connection: 'toy store' });
		const byId = await ac.run({ resource: 'connection', operation: 'get', connection: '2', simple: false });
		expect(byName.outputs[0][0].json).toEqual(expect.objectContaining({ id: '1', name: 'Toy Store', service: 'toyShop' }));
		expect(byName.outputs[0][0].json).not.toHaveProperty('links');
		expect(byId.outputs[0][0].json).toMatchObject({ id: '2', name: 'Book Shop', links: expect.any(Object) });

		const many = await ac.run({ resource: 'connection', operation: 'getMany', returnAll: true, filters: { service: 'bookShop' } });
		expect(many.outputs[0].map((o) => o.json.name)).toEqual(['Book Shop']);

		const updated = await ac.run({ resource: 'connection', operation: 'update', connection: 'Toy Store', updateFields: { name: 'Toy Store EU', syncStatus: '1', status: '0' } });
		expect(updated.outputs[0][0].json).toMatchObject({ id: '1', name: 'Toy Store EU', syncStatus: '1', status: '0' });
		const deleted = await ac.run({ resource: 'connection', operation: 'delete', connection: 'Book Shop' });
		expect(deleted.outputs[0][0].json).toEqual({ id: '2', name: 'Book Shop', deleted: true });
		expect((await ecomState(ac)).connections).toEqual([expect.objectContaining({ id: '1', name: 'Toy Store EU', syncStatus: 1, status: 0 })]);
	});

	it('a connection made since the last run is found (kept names reload once); a name is looked up once per run', async () => {
		const get = { resource: 'connection', operation: 'get', connection: '={{ $json.name }}' };
		const before = await ac.run(get, [{ name: 'Toy Store' }]);
		expect(before.error?.message).toBe('Connection: no connection named or with ID "Toy Store" exists in ActiveCampaign [item 0]');

		await ac.seed({ connections: [{ name: 'Toy Store' }] });
		const after = await ac.run(get, [{ name: 'Toy Store' }, { name: 'TOY STORE' }]);
		expect(after.outputs[0].map((o) => o.json.id)).toEqual(['1', '1']);
		expect(counts(await ac.stats())['GET /api/3/connections']).toBe(2);
	});

	it('bad input is an error naming the item, the field and the fix, before anything is written', async () => {
		await ac.seed({ connections: [{ name: 'Toy Store' }, { name: 'Shop', service: 'a' }, { name: 'Shop', service: 'b' }, { name: 'Shopify', isInternal: true }] });

		const unknown = await ac.run({ resource: 'connection', operation: 'get', connection: 'Garden Store' });
		const twin = await ac.run({ resource: 'connection', operation: 'delete', connection: 'shop' });
		const url = await ac.run(create({ logoUrl: 'logo.png' }));
		const empty = await ac.run(create({ name: ' ' }));
		const internal = await ac.run({ resource: 'connection', operation: 'update', connection: 'Shopify', updateFields: { name: 'Mine' } });
		const nothing = await ac.run({ resource: 'connection', operation: 'update', connection: 'Toy Store', updateFields: {} });

		expect(unknown.error?.message).toBe('Connection: no connection named or with ID "Garden Store" exists in ActiveCampaign [item 0]');
		expect(unknown.error?.description).toBe('Use one of: Toy Store (ID 1), Shop (ID 2), Shop (ID 3), Shopify (ID 4).');
		expect(twin.error?.message).toBe('Connection: 2 connections are named "shop" [item 0]');
		expect(twin.error?.description).toBe('Give the ID of the one you mean instead: 2, 3.');
		expect(url.error?.message).toBe('Logo URL "logo.png" is not a web address [item 0]');
		expect(empty.error?.message).toBe('Name is empty [item 0]');
		expect(internal.error?.message).toBe(
			'Connection "Shopify" belongs to one of ActiveCampaign\'s own integrations and cannot be changed through the API [item 0]',
		);
		expect(nothing.error?.message).toBe('Update Fields is empty [item 0]');
		const sent = counts(await ac.stats());
		expect([sent['POST /api/3/connections'], sent['PUT /api/3/connections/:id'], sent['DELETE /api/3/connections/:id']]).toEqual([undefined, undefined, undefined]);
		expect((await ecomState(ac)).connections.map((c) => c.name)).toEqual(['Toy Store', 'Shop', 'Shop', 'Shopify']);
	});

	it('a second connection for the same service and store is refused with a hint', async () => {
		await ac.run(create());
		const again = await ac.run(create({ name: 'Other' }));
		expect(again.error?.message).toBe(
			'ActiveCampaign answered HTTP 422 while creating connection "Other": This external ID is taken (a connection\'s within its service, a customer\'s or order\'s within its connection). Update the existing record instead, or use another external ID.',
		);
		expect((await ecomState(ac)).connections).toHaveLength(1);
	});

	it('a create answered with 201 instead of the documented 200 works the same', async () => {
		await ac.env.ac.admin('POST', '/options', { connectionCreateStatus: 201 });
		const { outputs, error } = await ac.run(create());
		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({ id: '1', name: 'Toy Store' });
		expect((await ecomState(ac)).connections.map((c) => c.name)).toEqual(['Toy Store']);
	});
});
