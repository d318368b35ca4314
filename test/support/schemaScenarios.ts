/**
 * Every operation of the Caspio and ActiveCampaign Plus nodes, run in n8n's engine against the sandboxes and their
 * demo data: `npm run schemas` infers the output schemas from these runs, and test/nodes/schemas.test.ts checks real
 * outputs against the schemas. The maps are typed by the nodes' resource → operation types, so an operation without
 * a scenario is a compile error.
 */
import * as path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { forgetSharedNames } from '../../nodes/ActiveCampaignPlus/cache';
import type { ActiveCampaignPlusOperations } from '../../nodes/ActiveCampaignPlus/actions/node.type';
import type { CaspioOperations } from '../../nodes/Caspio/actions/node.type';
import { acCredentials } from '../nodes/ActiveCampaignPlus/support';
import { fileItem, PNG } from '../nodes/Caspio/support/binary';
import { columns } from '../nodes/Caspio/support/records';
import { caspioTestbed, table, type CaspioTestbed } from '../nodes/Caspio/support/testbed';
import { startActiveCampaignSandbox, type ActiveCampaignSandbox } from '../sandbox/activecampaign';
import { demoSeed } from '../sandbox/caspio';
import { runNode, type NodeRun } from './n8n';

/** One execution of the operation: its parameters (resource and operation added) and, when it reads files, input. */
export interface Run {
	parameters: IDataObject;
	input?: INodeExecutionData[];
}

/** What a run may need from the fresh sandboxes: ids they make up. */
export interface ScenarioContext {
	directoryId: string;
}

export interface Scenario {
	/** Runs that make the data the operation reads (an attachment to download, a deal to get); outputs ignored. */
	before?: (context: ScenarioContext) => Run[];
	/** The runs whose output items the schema describes. */
	runs: (context: ScenarioContext) => Run[];
}

type Scenarios<M extends Record<string, string>> = { [R in keyof M]: Record<M[R], Scenario> };

export type NodeName = 'caspio' | 'activeCampaignPlus';

const once = (parameters: IDataObject, input?: INodeExecutionData[]): Scenario => ({ runs: () => [{ parameters, input }] });

// ---------------------------------------------------------------------------------------------------------------
// Caspio: the demo tables (Leads, Registrations, …, view Leads_Ready) plus a table with files, a directory and
// the Files area.
// ---------------------------------------------------------------------------------------------------------------

const LEADS = table('Leads');
const DOCUMENTS = table('Documents');
const CASPIO_EXTRAS = {
	tables: [
		{
			name: 'Documents',
			fields: [
				{ Name: 'Title', Type: 'STRING' },
				{ Name: 'Scan', Type: 'ATTACHMENT' },
			],
			records: [{ Title: 'Signed contract' }, { Title: 'ID scan' }],
		},
	],
	directories: [
		{
			Name: 'Members',
			fields: [
				{ Name: 'First_Name', Type: 'STRING' },
				{ Name: 'Last_Name', Type: 'STRING' },
			],
			users: [
				{ UserGUID: '11111111-1111-4111-8111-111111111111', Email: 'ada@example.com', First_Name: 'Ada', Last_Name: 'Lovelace', Status: 'active' },
				{ UserGUID: '22222222-2222-4222-8222-222222222222', Email: 'grace@example.com', First_Name: 'Grace', Last_Name: 'Hopper' },
			],
		},
	],
	folders: ['/Reports'],
	files: [{ path: '/Reports/summary.pdf', text: 'Quarterly summary', contentType: 'application/pdf' }],
	dataImportExportTasks: [{ Name: 'Leads_Export', ExternalKey: 'b7c3b7d5-4fa5-4725-86a2-6ca5ca797157', Frequency: 'Every day', Note: 'Nightly CSV to S3' }],
};
const EXPORT_TASK = { __rl: true, mode: 'id', value: 'b7c3b7d5-4fa5-4725-86a2-6ca5ca797157' };
const pathOf = (value: string) => ({ __rl: true, mode: 'path', value });
const byPkId = (value: string) => ({ conditions: [{ field: 'PK_ID', operator: 'equals', value }] });
const byEmail = (value: string) => ({ conditions: [{ field: 'Email', operator: 'equals', value }] });
const scan = () => [fileItem(PNG, 'contract.png', 'image/png')];
const uploadScan: Run = { parameters: { resource: 'attachment', operation: 'upload', table: DOCUMENTS, attachmentField: 'Scan', recordId: '1' }, input: scan() };
/** A run on the Members directory, whose id the sandbox makes up at each reset. */
/** Ada synced to ActiveCampaign: the demo leads leave these fields empty, and a schema should type them. */
const syncAda: Run = {
	parameters: {
		resource: 'record',
		operation: 'update',
		table: LEADS,
		filters: byEmail('ada@example.com'),
		columns: columns({ Phone: '+1 555-010-0001', AC_Contact_ID: '1', Sync_Status: 'Synced', Synced_At: '2026-01-05T09:15:00' }),
	},
};
const members = (parameters: IDataObject = {}): Scenario => ({ runs: ({ directoryId }) => [{ parameters: { directoryId, ...parameters } }] });

export const CASPIO_SCENARIOS: Scenarios<CaspioOperations> = {
	attachment: {
		delete: { before: () => [uploadScan], ...once({ table: DOCUMENTS, attachmentField: 'Scan', filters: byPkId('1') }) },
		download: { before: () => [uploadScan], ...once({ table: DOCUMENTS, attachmentField: 'Scan', recordId: '1' }) },
		getProperties: { before: () => [uploadScan], ...once({ table: DOCUMENTS, attachmentField: 'Scan' }) },
		upload: once({ table: DOCUMENTS, attachmentField: 'Scan', recordId: '2' }, scan()),
	},
	directoryUser: {
		activateUser: members({ userGuid: '22222222-2222-4222-8222-222222222222', sendEmail: false }),
		createUser: members({
			fields: { field: [{ name: 'Email', value: 'alan@example.com' }, { name: 'First_Name', value: 'Alan' }, { name: 'Last_Name', value: 'Turing' }] },
		}),
		deleteUser: members({ filters: byEmail('grace@example.com') }),
		getManyDirectories: once({}),
		getManyUsers: members({ returnAll: true }),
		updateUser: members({ filters: byEmail('ada@example.com'), fields: { field: [{ name: 'Last_Name', value: 'King' }] } }),
	},
	file: {
		delete: once({ file: pathOf('/Reports/summary.pdf') }),
		download: once({ file: pathOf('/Reports/summary.pdf') }),
		getFileProperties: once({ folder: pathOf('/Reports'), returnAll: true }),
		getFolderProperties: once({ returnAll: true }),
		upload: once({ folder: pathOf('/Reports') }, [fileItem(Buffer.from('%PDF-1.7'), 'forecast.pdf', 'application/pdf')]),
	},
	record: {
		create: once({
			table: LEADS,
			columns: columns({
				First_Name: 'Dennis',
				Last_Name: 'Ritchie',
				Email: 'dennis@example.com',
				Phone: '+1 555-010-0007',
				Company: 'Bell Labs',
				Company_Size: 300,
				Interest: 'Integrations',
				Readiness: 'Evaluating',
				Consent: true,
				Notes: 'Met at the summit',
				AC_Contact_ID: '7',
				Sync_Status: 'Synced',
				Synced_At: '2026-02-05T08:30:00',
			}),
		}),
		delete: once({ table: LEADS, filters: byEmail('alan@example.com') }),
		get: { before: () => [syncAda], ...once({ table: LEADS, recordId: '1' }) },
		getMany: { before: () => [syncAda], ...once({ table: LEADS, returnAll: true }) },
		update: { runs: () => [syncAda] },
		upsert: {
			before: () => [syncAda],
			runs: () => [
				{ parameters: { table: LEADS, columns: columns({ Email: 'ada@example.com', Readiness: 'Evaluating' }, ['Email']) } },
				{ parameters: { table: LEADS, columns: columns({ Email: 'new@example.com', First_Name: 'Nia' }, ['Email']) } },
				{ parameters: { table: LEADS, columns: columns({ Email: 'ada@example.com' }, ['Email']) } },
			],
		},
	},
	table: {
		getFields: once({ table: LEADS }),
		getMany: once({ returnAll: true }),
	},
	task: {
		get: once({ task: EXPORT_TASK }),
		getMany: once({ returnAll: true }),
		run: { runs: () => [{ parameters: { task: EXPORT_TASK } }, { parameters: { task: EXPORT_TASK, waitForCompletion: true, timeout: 30 } }] },
	},
	view: {
		getMany: { before: () => [syncAda], ...once({ view: table('Leads_Ready'), returnAll: true }) },
	},
};

// ---------------------------------------------------------------------------------------------------------------
// ActiveCampaign Plus: the demo account (contacts ada, grace, alan, katherine; their tags, lists, fields and
// automations). Ids restart at 1 on every reset, so ada is contact 1 and the first deal is deal 1.
// ---------------------------------------------------------------------------------------------------------------

const createDeal: Run = {
	parameters: { resource: 'deal', operation: 'create', title: 'Ada renewal', value: '1499.99', currency: 'USD', contact: 'ada@example.com', pipeline: 'Sales Pipeline', stage: 'In Contact' },
};
const createNote: Run = { parameters: { resource: 'note', operation: 'create', contact: 'ada@example.com', note: 'Called, wants a demo' } };
const createDealNote: Run = { parameters: { resource: 'deal', operation: 'createNote', dealId: '1', note: 'Sent the proposal' } };
/** The demo account Ada works at. */
const ENGINES = 'Analytical Engines Ltd';
// Deep Data: the store connection, ada as its customer (1) and her order 1 with two products (1 and 2).
const createConnection: Run = {
	parameters: { resource: 'connection', operation: 'create', service: 'toyShop', externalid: 'toystore123', name: 'Toy Store', logoUrl: 'https://toys.example/logo.png', linkUrl: 'https://toys.example/' },
};
const createCustomer: Run = {
	parameters: { resource: 'ecommerceCustomer', operation: 'create', connection: 'Toy Store', externalid: 'c-1', email: 'ada@example.com', additionalFields: { acceptsMarketing: true } },
};
const createOrder: Run = {
	parameters: {
		resource: 'ecommerceOrder',
		operation: 'create',
		connection: 'Toy Store',
		orderType: 'order',
		externalid: 'o-1001',
		email: 'ada@example.com',
		totalPrice: '91.11',
		currency: 'USD',
		products: { product: [{ externalid: 'P-1', name: 'Pogo Stick', price: '49', quantity: 1, category: 'Toys' }, { externalid: 'P-2', name: 'Kite', price: '18.50', quantity: 2, sku: 'KITE-2' }] },
		discounts: { discount: [{ name: '1OFF', type: 'order', amount: '1' }] },
		additionalFields: { shippingAmount: '2', taxAmount: '5', orderNumber: 'myorder-123' },
	},
};
const createCart: Run = {
	parameters: { resource: 'ecommerceOrder', operation: 'create', connection: 'Toy Store', orderType: 'abandonedCart', externalcheckoutid: 'cart-7', email: 'ada@example.com', totalPrice: '49', currency: 'USD', products: { product: [{ externalid: 'P-1', name: 'Pogo Stick', price: '49', quantity: 1 }] } },
};
const shop = [createConnection];
const shopCustomer = [createConnection, createCustomer];
const shopOrder = [createConnection, createCustomer, createOrder];

export const ACTIVECAMPAIGN_SCENARIOS: Scenarios<ActiveCampaignPlusOperations> = {
	automation: {
		addContact: once({ contact: 'katherine@example.com', automation: 'Onboarding' }),
		getMany: once({ returnAll: true }),
		removeContact: once({ contact: 'ada@example.com', automation: 'Onboarding' }),
	},
	contact: {
		bulkImport: {
			runs: () => [
				{
					parameters: {
						email: '={{ $json.email }}',
						tags: 'imported',
						listsToSubscribe: ['Newsletter'],
						additionalFields: { firstName: '={{ $json.first }}' },
						options: { waitSeconds: 60 },
					},
					input: [{ json: { email: 'new1@example.com', first: 'Nia' } }, { json: { email: 'new2@example.com', first: 'Omar' } }],
				},
			],
		},
		delete: once({ contact: 'katherine@example.com' }),
		update: once({ contact: 'grace@example.com', updateFields: { email: 'grace.hopper@example.com', phone: '+1 555 0100' } }),
		get: {
			runs: () => [
				{ parameters: { contact: 'ada@example.com' } },
				{ parameters: { contact: '1' } },
				{ parameters: { contact: 'ada@example.com', includeFieldValues: true } },
			],
		},
		getMany: {
			runs: () => [
				{ parameters: { returnAll: true, filters: {} } },
				{ parameters: { returnAll: true, filters: { email: 'ada@example.com' }, includeFieldValues: true } },
			],
		},
		upsert: once({
			email: 'ada@example.com',
			tagsToAdd: 'customer, webinar-2026',
			listsToSubscribe: ['Newsletter'],
			customFields: { field: [{ name: 'Company Size', value: '120' }] },
			additionalFields: { firstName: 'Ada', lastName: 'Lovelace' },
		}),
	},
	customField: {
		create: once({ title: 'Colors', type: 'listbox', choices: 'Red, Green' }),
		getMany: once({ returnAll: true }),
		setValues: once({ contact: 'ada@example.com', customFields: { field: [{ name: 'Industry', value: 'Education' }, { name: 'NPS Score', value: '9' }] } }),
	},
	connection: {
		create: { runs: () => [createConnection] },
		delete: { before: () => shop, ...once({ connection: 'Toy Store' }) },
		get: { before: () => shop, ...once({ connection: 'Toy Store' }) },
		getMany: { before: () => shop, ...once({ returnAll: true, filters: {} }) },
		update: { before: () => shop, ...once({ connection: 'Toy Store', updateFields: { syncStatus: '1' } }) },
	},
	ecommerceCustomer: {
		create: { before: () => shop, runs: () => [createCustomer] },
		delete: { before: () => shopCustomer, ...once({ customerId: '1' }) },
		get: { before: () => shopOrder, ...once({ customerId: '1' }) },
		getMany: { before: () => shopOrder, ...once({ returnAll: true, filters: {} }) },
		update: { before: () => shopCustomer, ...once({ customerId: '1', updateFields: { acceptsMarketing: false } }) },
	},
	ecommerceOrder: {
		create: { before: () => shopCustomer, runs: () => [createOrder, createCart] },
		delete: { before: () => shopOrder, ...once({ orderId: '1' }) },
		get: { before: () => [...shopOrder, createCart], runs: () => [{ parameters: { orderId: '1' } }, { parameters: { orderId: '2' } }] },
		getMany: { before: () => [...shopOrder, createCart], ...once({ returnAll: true, filters: {} }) },
		update: { before: () => [...shopCustomer, createCart], ...once({ orderId: '1', updateFields: { externalid: 'o-1002' } }) },
	},
	ecommerceOrderProduct: {
		get: { before: () => shopOrder, ...once({ productId: '1' }) },
		getMany: { before: () => shopOrder, ...once({ orderId: '1', returnAll: true }) },
	},
	deal: {
		create: { runs: () => [createDeal] },
		createNote: { before: () => [createDeal], ...once({ dealId: '1', note: 'Sent the proposal' }) },
		delete: { before: () => [createDeal], ...once({ dealId: '1' }) },
		get: { before: () => [createDeal], ...once({ dealId: '1' }) },
		getMany: { before: () => [createDeal], ...once({ returnAll: true, filters: { pipeline: 'Sales Pipeline', status: '0' } }) },
		update: { before: () => [createDeal], ...once({ dealId: '1', updateFields: { title: 'Ada renewal (2 seats)', stage: 'Follow Up' } }) },
		updateNote: { before: () => [createDeal, createDealNote], ...once({ dealId: '1', noteId: '1', note: 'Proposal accepted' }) },
	},
	account: {
		create: once({
			name: 'Difference Engines Inc',
			additionalFields: { accountUrl: 'https://difference.example' },
			customFields: { field: [{ name: 'Tier', value: 'Silver' }, { name: 'Employees', value: '12' }] },
		}),
		delete: once({ account: ENGINES }),
		findOrCreate: { runs: () => [{ parameters: { name: ENGINES } }, { parameters: { name: 'Babbage & Co' } }] },
		get: { runs: () => [{ parameters: { account: ENGINES, includeFieldValues: true } }, { parameters: { account: '1' } }] },
		getMany: once({ returnAll: true, search: '', options: { countDeals: true } }),
		update: once({ account: ENGINES, updateFields: { accountUrl: 'https://analytical.example' }, customFields: { field: [{ name: 'Employees', value: '150' }] } }),
	},
	accountContact: {
		create: once({ contact: 'grace@example.com', account: ENGINES, jobTitle: 'Engineer' }),
		delete: once({ contact: 'ada@example.com', account: ENGINES }),
		getMany: once({ by: 'account', account: ENGINES, returnAll: true }),
		update: once({ contact: 'ada@example.com', account: ENGINES, jobTitle: 'Chief Analyst' }),
	},
	event: {
		track: once({ email: 'ada@example.com', event: 'webinar_registered', eventData: 'Automation Summit 2026' }),
	},
	list: {
		create: once({ name: 'Partners', senderUrl: 'https://example.com', senderReminder: 'You signed up on example.com' }),
		getMany: once({ returnAll: true, name: '' }),
		subscribe: once({ contact: 'katherine@example.com', list: 'Customers' }),
		unsubscribe: once({ contact: 'ada@example.com', list: 'Newsletter' }),
	},
	note: {
		create: { runs: () => [createNote] },
		getMany: { before: () => [createNote], ...once({ contact: 'ada@example.com', returnAll: true }) },
	},
	tag: {
		add: once({ contact: 'katherine@example.com', tags: 'customer, vip', createMissingTags: true }),
		findOrCreate: { runs: () => [{ parameters: { name: 'customer' } }, { parameters: { name: 'partner' } }] },
		get: once({ tag: 'cold-lead' }),
		getForContact: once({ contact: 'ada@example.com' }),
		getMany: once({ returnAll: true, search: '' }),
		remove: once({ contact: 'ada@example.com', tags: 'promoter' }),
		update: once({ tag: 'cold-lead', updateFields: { name: 'cool-lead', description: 'Not ready yet' } }),
		delete: once({ tag: 'cold-lead' }),
	},
};

export const SCENARIOS: Record<NodeName, Record<string, Record<string, Scenario>>> = {
	caspio: CASPIO_SCENARIOS,
	activeCampaignPlus: ACTIVECAMPAIGN_SCENARIOS,
};

/** Both sandboxes with their demo data, brought back to it before each scenario. */
export class ScenarioSandboxes {
	private constructor(
		private readonly caspio: CaspioTestbed,
		private readonly activeCampaign: ActiveCampaignSandbox,
	) {}

	static async start(): Promise<ScenarioSandboxes> {
		const caspio = await caspioTestbed();
		// No 5 req/s limit: a few hundred requests should not take minutes; ids from 1 after each reset.
		const activeCampaign = await startActiveCampaignSandbox({ port: 0, seedDemo: true, rateLimit: false, idsSurviveReset: false });
		return new ScenarioSandboxes(caspio, activeCampaign);
	}

	/** The output items of the scenario's runs, on fresh demo data; a failed run throws with its message. */
	async outputs(node: NodeName, resource: string, operation: string): Promise<INodeExecutionData[]> {
		const scenario = SCENARIOS[node][resource][operation];
		const context = await this.reset();
		for (const run of scenario.before?.(context) ?? []) await this.run(node, run);
		const items: INodeExecutionData[] = [];
		for (const run of scenario.runs(context)) {
			items.push(...(await this.run(node, { ...run, parameters: { resource, operation, ...run.parameters } })));
		}
		return items;
	}

	async close(): Promise<void> {
		await Promise.all([this.caspio.close(), this.activeCampaign.close()]);
	}

	private async reset(): Promise<ScenarioContext> {
		const service = this.caspio.sandbox.service;
		service.reset();
		for (const seed of [demoSeed(), CASPIO_EXTRAS]) {
			const refused = service.seed(seed);
			if (refused) throw new Error(`Caspio sandbox seed: ${JSON.stringify(refused.body)}`);
		}
		this.caspio.seen.length = 0;
		await fetch(`${this.activeCampaign.url}/__sandbox/reset`, { method: 'POST' });
		// Ids start again at 1: names remembered from the last scenario would point at other rows.
		forgetSharedNames();
		const directories = (service.state() as unknown as { directories: Array<{ Id: string; Name: string }> }).directories;
		return { directoryId: directories.find((d) => d.Name === 'Members')!.Id };
	}

	private async run(node: NodeName, run: Run): Promise<INodeExecutionData[]> {
		const credentials = node === 'caspio' ? this.caspio.credentials : acCredentials(this.activeCampaign.url);
		const result: NodeRun = await runNode({ type: node, parameters: run.parameters, input: run.input, credentials });
		if (result.error) {
			throw new Error(`${node} ${String(run.parameters.resource)} → ${String(run.parameters.operation)}: ${result.error.message} ${result.error.description ?? ''}`);
		}
		return result.outputs[0] ?? [];
	}
}

const NODE_FOLDERS: Record<NodeName, string> = { caspio: 'Caspio', activeCampaignPlus: 'ActiveCampaignPlus' };

/**
 * Where n8n 2.41 looks for an operation's output schema: `__schema__/v<typeVersion padded to x.y.z>/<resource>/
 * <operation>.json` beside the compiled node file (n8n-core `dist/nodes-loader/output-schema-resolver.js`); the
 * build copies nodes/**\/__schema__ into dist/ at the same place.
 */
export function schemaFile(node: NodeName, resource: string, operation: string, typeVersion = 1): string {
	const version = String(typeVersion).split('.').concat(['0', '0']).slice(0, 3).join('.');
	return path.join(__dirname, '..', '..', 'nodes', NODE_FOLDERS[node], '__schema__', `v${version}`, resource, `${operation}.json`);
}
