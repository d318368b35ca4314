/** The directories the directory user tests and dropdown tests start from, and how the sandbox stores them. */
import type { IDataObject } from 'n8n-workflow';

import type { CaspioTestbed } from './testbed';

export const ADA = '11111111-1111-4111-8111-111111111111';
export const BOB = '22222222-2222-4222-8222-222222222222';
const CUSTOMERS = {
	Name: 'Customers',
	fields: [
		{ Name: 'First_Name', Type: 'STRING' },
		{ Name: 'Age', Type: 'NUMBER' },
		{ Name: 'Newsletter', Type: 'YES/NO' },
	],
	users: [
		{ UserGUID: ADA, Email: 'ada@example.com', First_Name: 'Ada', Age: 36, Status: 'active' },
		{ UserGUID: BOB, Email: 'bob@example.com', First_Name: "O'Brien", Age: 41 },
		{ Email: 'cy@example.com', First_Name: "x' OR 1=1 --", Age: 29 },
	],
};

export interface StateUser {
	UserGUID: string;
	Email: string;
	Status: string;
	Password: string | null;
	[field: string]: unknown;
}
export interface DirectoryState {
	Id: string;
	Name: string;
	users: StateUser[];
}

/** Empties the sandbox and seeds Customers (three users) and Staff (one); answers the sandbox's state reader. */
export async function seedDirectories(bed: CaspioTestbed): Promise<() => { directories: DirectoryState[]; activations: IDataObject[] }> {
	await bed.reset([]);
	const seeded = await fetch(`${bed.sandbox.url}/__sandbox/seed`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ directories: [CUSTOMERS, { Name: 'Staff', users: [{ Email: 'x@corp.test' }] }] }),
	});
	expect(seeded.status).toBe(200);
	return () => bed.sandbox.service.state() as unknown as { directories: DirectoryState[]; activations: IDataObject[] };
}
