/**
 * The workflows the benchmarks run. P1 (ours) is the repo's Bulk backfill template (`workflows/bulk-backfill.json`)
 * pointed at the benchmark table with a second tag; every other workflow is defined here, because no template has
 * its shape (P2 needs exactly contact + 2 tags + 1 list; lead-nurture.json adds tier tags, tag removal, an
 * automation and a Caspio write-back).
 */
import * as fs from 'fs';
import * as path from 'path';

import { PACKAGE_NAME, REPO_ROOT, type WorkflowDefinition, type WorkflowNode } from '../../../scripts/harness';
import { BUILTIN_AC_CREDENTIAL } from './env';
import { LIST, P1_TAGS, P2_TAGS } from './data';

const CASPIO = `${PACKAGE_NAME}.caspio`;
const CASPIO_TRIGGER = `${PACKAGE_NAME}.caspioTrigger`;
const AC_PLUS = `${PACKAGE_NAME}.activeCampaignPlus`;

const caspioCred = { caspioApi: { id: '', name: 'Caspio account' } };
const acPlusCred = { activeCampaignPlusApi: { id: '', name: 'ActiveCampaign account' } };

const link = (to: string, index = 0) => ({ node: to, type: 'main', index });

/** The three custom fields every benchmark contact gets, by field title (resolved by the node). */
const customFields = (prefix: string) => ({
	field: [
		{ name: 'Company Size', value: `={{ ${prefix}.Company_Size }}` },
		{ name: 'Interest', value: `={{ ${prefix}.Interest }}` },
		{ name: 'Caspio Record ID', value: `={{ ${prefix}.PK_ID }}` },
	],
});

function caspioGetMany(name: string, table: string, position: [number, number]): WorkflowNode {
	return {
		name,
		type: CASPIO,
		typeVersion: 1,
		position,
		parameters: { resource: 'record', operation: 'getMany', table: { __rl: true, mode: 'name', value: table }, returnAll: true, filters: {}, simple: false, options: {} },
		credentials: caspioCred,
	};
}

export interface LoadedWorkflow {
	workflow: WorkflowDefinition;
	/** Where it came from, for the report. */
	source: string;
}

/**
 * P1 ours: `workflows/bulk-backfill.json` (Caspio Get Many, Return All → … → ActiveCampaign Plus Bulk Import), with
 * the Caspio table set to `table`, the tags set to P1_TAGS (the template has one tag; the job has two) and every
 * lead subscribed to the list. Falls back to the same chain defined here when the template is missing or its
 * Caspio Get Many / Bulk Import nodes cannot be found.
 */
export function p1Ours(table: string): LoadedWorkflow & { importer: string } {
	const file = path.join(REPO_ROOT, 'workflows', 'bulk-backfill.json');
	try {
		const wf = JSON.parse(fs.readFileSync(file, 'utf8')) as WorkflowDefinition;
		const reader = wf.nodes.find((n) => n.type === CASPIO && n.parameters?.operation === 'getMany');
		const importer = wf.nodes.find((n) => n.type === AC_PLUS && n.parameters?.operation === 'bulkImport');
		if (!reader || !importer) throw new Error('no Caspio Get Many or Bulk Import node');
		reader.parameters = { ...reader.parameters, table: { __rl: true, mode: 'name', value: table }, returnAll: true };
		importer.parameters = { ...importer.parameters, tags: P1_TAGS.join(', '), listsToSubscribe: [LIST] };
		return { workflow: wf, source: 'workflows/bulk-backfill.json (table, 2nd tag and list patched in)', importer: importer.name };
	} catch (error) {
		const reason = (error as Error).message.split('\n')[0];
		return {
			source: `inline (workflows/bulk-backfill.json unusable: ${reason})`,
			importer: 'Bulk Import',
			workflow: {
				name: 'P1 backfill (inline)',
				nodes: [
					{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					caspioGetMany('All Caspio Leads', table, [220, 0]),
					{
						name: 'Bulk Import',
						type: AC_PLUS,
						typeVersion: 1,
						position: [440, 0],
						parameters: {
							resource: 'contact',
							operation: 'bulkImport',
							email: '={{ $json.Email }}',
							tags: P1_TAGS.join(', '),
							listsToSubscribe: [LIST],
							customFields: customFields('$json'),
							additionalFields: { firstName: '={{ $json.First_Name }}', lastName: '={{ $json.Last_Name }}' },
							options: {},
						},
						credentials: acPlusCred,
						onError: 'continueRegularOutput',
					},
				],
				connections: { Start: { main: [[link('All Caspio Leads')]] }, 'All Caspio Leads': { main: [[link('Bulk Import')]] } },
				settings: { executionOrder: 'v1' },
			},
		};
	}
}

/**
 * P1 baseline: the same job with n8n-nodes-base's ActiveCampaign node, the way it has to be built with it: one
 * lead at a time (Loop Over Items, batch size 1) through create-or-update contact (`/contact/sync` with the custom
 * fields by id), add tag by id ×2 and add to list by id, then a 1 s Wait so 4 requests per lead stay under
 * 5 req/s (the node has no throttle and no 429 handling; Retry On Fail is on as the only safety net).
 */
export function p1Baseline(table: string, ids: { tags: string[]; list: string; fields: Record<string, string> }): WorkflowDefinition {
	const cred = { [BUILTIN_AC_CREDENTIAL.type]: { id: '', name: BUILTIN_AC_CREDENTIAL.name } };
	const ac = (name: string, x: number, parameters: Record<string, unknown>): WorkflowNode => ({
		name,
		type: 'n8n-nodes-base.activeCampaign',
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: cred,
		retryOnFail: true,
		maxTries: 3,
		waitBetweenTries: 1000,
	});
	const contactId = "={{ $('Create or Update Contact').item.json.id }}";
	return {
		name: 'P1 baseline (n8n-nodes-base ActiveCampaign)',
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			caspioGetMany('Caspio Leads', table, [200, 0]),
			{ name: 'One at a Time', type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, position: [400, 0], parameters: { batchSize: 1, options: {} } },
			ac('Create or Update Contact', 600, {
				resource: 'contact',
				operation: 'create',
				email: '={{ $json.Email }}',
				updateIfExists: true,
				additionalFields: {
					firstName: '={{ $json.First_Name }}',
					lastName: '={{ $json.Last_Name }}',
					fieldValues: {
						property: [
							{ field: ids.fields.COMPANY_SIZE, value: '={{ $json.Company_Size }}' },
							// The built-in node sends values raw: a listbox value must be written as ||value||.
							{ field: ids.fields.INTEREST, value: '=||{{ $json.Interest }}||' },
							{ field: ids.fields.CASPIO_RECORD_ID, value: '={{ $json.PK_ID }}' },
						],
					},
				},
			}),
			ac('Add Tag 1', 800, { resource: 'contactTag', operation: 'add', tagId: ids.tags[0], contactId }),
			ac('Add Tag 2', 1000, { resource: 'contactTag', operation: 'add', tagId: ids.tags[1], contactId }),
			ac('Add to List', 1200, { resource: 'contactList', operation: 'add', listId: ids.list, contactId }),
			{ name: 'Stay Under 5 req/s', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [1400, 0], parameters: { amount: 1, unit: 'seconds' } },
		],
		connections: {
			Start: { main: [[link('Caspio Leads')]] },
			'Caspio Leads': { main: [[link('One at a Time')]] },
			'One at a Time': { main: [[], [link('Create or Update Contact')]] },
			'Create or Update Contact': { main: [[link('Add Tag 1')]] },
			'Add Tag 1': { main: [[link('Add Tag 2')]] },
			'Add Tag 2': { main: [[link('Add to List')]] },
			'Add to List': { main: [[link('Stay Under 5 req/s')]] },
			'Stay Under 5 req/s': { main: [[link('One at a Time')]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** P2: Caspio Trigger (instant, record created) → ActiveCampaign Plus Contact upsert with 2 tags, 1 list, 3 fields. */
export function p2Realtime(table: string, webhookId: string): WorkflowDefinition {
	return {
		name: 'P2 realtime (Caspio webhook → AC contact + 2 tags + 1 list)',
		nodes: [
			{
				name: 'New Caspio Record',
				type: CASPIO_TRIGGER,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { mode: 'instant', table: { __rl: true, mode: 'name', value: table }, event: 'created', options: {} },
				credentials: caspioCred,
			},
			{
				name: 'Upsert Contact',
				type: AC_PLUS,
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'contact',
					operation: 'upsert',
					email: '={{ $json.record.Email }}',
					tagsToAdd: P2_TAGS.join(', '),
					createMissingTags: true,
					listsToSubscribe: [LIST],
					customFields: customFields('$json.record'),
					additionalFields: { firstName: '={{ $json.record.First_Name }}', lastName: '={{ $json.record.Last_Name }}' },
				},
				credentials: acPlusCred,
			},
		],
		connections: { 'New Caspio Record': { main: [[link('Upsert Contact')]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** P3: Caspio Trigger polling every minute for new records of `table`. */
export function p3Polling(table: string): WorkflowDefinition {
	return {
		name: 'P3 polling (Caspio Trigger, record created)',
		nodes: [
			{
				name: 'New Caspio Records',
				type: CASPIO_TRIGGER,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					mode: 'polling',
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					table: { __rl: true, mode: 'name', value: table },
					event: 'created',
					options: {},
				},
				credentials: caspioCred,
			},
			{ name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0], parameters: {} },
		],
		connections: { 'New Caspio Records': { main: [[link('Done')]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** P4: Caspio Get Many (Return All) of `table`, counted by a Summarize node so the webhook answers one item. */
export function p4GetMany(table: string): WorkflowDefinition {
	return {
		name: 'P4 get many (Return All)',
		nodes: [
			caspioGetMany('All Records', table, [0, 0]),
			{
				name: 'Count',
				type: 'n8n-nodes-base.summarize',
				typeVersion: 1.1,
				position: [240, 0],
				parameters: { fieldsToSummarize: { values: [{ aggregation: 'count', field: 'PK_ID' }] }, options: {} },
			},
		],
		connections: { 'All Records': { main: [[link('Count')]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** A one-row read, to have the Caspio credential fetch its token before anything is measured. */
export function caspioWarmUp(table: string): WorkflowDefinition {
	const node = caspioGetMany('One Record', table, [0, 0]);
	node.parameters = { ...node.parameters, returnAll: false, limit: 1 };
	return { name: 'warm-up', nodes: [node], connections: {}, settings: { executionOrder: 'v1' } };
}
