import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { getMappingColumns } from '../../../nodes/Caspio/methods/resourceMapping';
import { searchTables } from '../../../nodes/Caspio/methods/listSearch';
import { getFilterFields } from '../../../nodes/Caspio/methods/loadOptions';
import { caspioTestbed, json, LEADS_FIELDS, table, type CaspioTestbed } from './support';

/** A load-options context backed by the real transport: requests go to the sandbox with the test credential. */
function loadOptionsContext(bed: CaspioTestbed, parameters: Record<string, unknown>): ILoadOptionsFunctions {
	return {
		getNode: () => ({ id: 'n', name: 'Caspio', type: 'caspio', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => bed.credentials.store.caspioApi,
		getCurrentNodeParameter: (name: string) => {
			const value = parameters[name];
			return value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
		},
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: { url: string; qs?: Record<string, string>; method: string }) => {
				const token = (await (await fetch(`${bed.sandbox.url}/oauth/token`, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: 'grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret',
				})).json()) as { access_token: string };
				const url = new URL(options.url);
				for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
				const res = await fetch(url, { method: options.method, headers: { authorization: `Bearer ${token.access_token}` } });
				return await res.json();
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('Caspio node: dynamic parameters', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () =>
		await bed.reset([
			{ name: 'Leads', fields: [...LEADS_FIELDS, { Name: 'File', Type: 'ATTACHMENT' }, { Name: 'Total', Type: 'NUMBER', IsFormula: true }, { Name: 'Must', Type: 'STRING', Required: true }], records: [] },
			{ name: 'Orders', fields: [{ Name: 'Amount', Type: 'CURRENCY' }], records: [] },
		]),
	);

	it('lists and searches tables', async () => {
		const context = loadOptionsContext(bed, {});
		expect((await searchTables.call(context)).results.map((r) => r.value)).toEqual(['Leads', 'Orders']);
		expect((await searchTables.call(context, 'ORD')).results.map((r) => r.value)).toEqual(['Orders']);
	});

	it('maps field types for the resource mapper, marking read-only, required, password and list fields', async () => {
		const create = await getMappingColumns.call(loadOptionsContext(bed, { table: table('Leads'), operation: 'create' }));
		const byId = Object.fromEntries(create.fields.map((f) => [f.id, f]));

		expect(Object.keys(byId)).not.toContain('File');
		expect(byId.Score).toMatchObject({ type: 'number', readOnly: false, required: false });
		expect(byId.Active.type).toBe('boolean');
		expect(byId.Joined.type).toBe('dateTime');
		expect(byId.Tags).toMatchObject({ type: 'options', options: [{ name: 'Hot', value: '1' }, { name: 'Cold', value: '2' }, { name: 'VIP', value: '3' }] });
		for (const id of ['Code', 'Created', 'Updated', 'Total']) expect(byId[id]).toMatchObject({ readOnly: true, removed: true });
		expect(byId.Must.required).toBe(true);
		expect(byId.Secret.displayName).toMatch(/password/);

		const update = await getMappingColumns.call(loadOptionsContext(bed, { table: table('Leads'), operation: 'update' }));
		expect(update.fields.map((f) => f.id)).not.toContain('Secret');
		expect(update.fields.find((f) => f.id === 'Must')!.required).toBe(false);
	});

	it('offers only filterable fields (and PK_ID) for filters', async () => {
		const options = await getFilterFields.call(loadOptionsContext(bed, { resource: 'record', table: table('Leads') }));
		const names = options.map((o) => o.value);
		expect(names[0]).toBe('PK_ID');
		expect(names).toContain('Email');
		expect(names).not.toEqual(expect.arrayContaining(['Secret']));
		expect(names).not.toContain('Tags');
		expect(names).not.toContain('File');
	});

	it('Table: Get Many and Get Fields', async () => {
		const tables = await bed.run({ resource: 'table', operation: 'getMany', returnAll: true });
		const fields = await bed.run({ resource: 'table', operation: 'getFields', table: table('Orders') });

		expect(json(tables)).toEqual([{ name: 'Leads' }, { name: 'Orders' }]);
		expect(json(fields)).toEqual([expect.objectContaining({ Name: 'Amount', Type: 'CURRENCY' })]);
	});
});
