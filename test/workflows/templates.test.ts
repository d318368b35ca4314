/**
 * Static checks of the importable templates in `workflows/*.json`: every node type exists (ours, or n8n-nodes-base
 * in a version listed in n8n-nodes-base.json, which the e2e suite checks against the real n8n), every parameter our
 * nodes get is one they declare for that resource/operation, names match the sandbox demo data, connections and
 * `$('…')` references point at real nodes, each has a sticky note, and nothing secret or host-specific is inside.
 * What the templates *do* is tested in test/e2e/templates.e2e.test.ts against a real n8n.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { demoSeed as acDemoSeed } from '../sandbox/activecampaign/demo-seed';
import { demoSeed as caspioDemoSeed } from '../sandbox/caspio/demo-seed';
import { nodeClasses, PACKAGE } from '../support/n8n';
import { BASE_NODE_VERSIONS, loadTemplates, type Template, type TemplateNode } from './templates';

const templates = loadTemplates();

const EXPECTED_FILES = [
	'application-status.json',
	'bulk-backfill.json',
	'contact-profile-sync.json',
	'download-tracking.json',
	'event-registration.json',
	'lead-nurture.json',
	'onboarding-milestones.json',
	'preference-center.json',
	'reconcile.json',
	'replay-failed-syncs.json',
	'survey-feedback.json',
	'sync-errors.json',
];

const isExpression = (value: unknown): boolean => typeof value === 'string' && value.startsWith('=');
const ours = (node: TemplateNode) => node.type.startsWith(`${PACKAGE}.`);
const shortType = (node: TemplateNode) => node.type.slice(PACKAGE.length + 1);

// ---------------------------------------------------------------------------------------------------------------
// Parameters against a node's description
// ---------------------------------------------------------------------------------------------------------------

type Params = Record<string, unknown>;

/** The value a parameter has on this node: what the template sets, else the default of its visible declaration. */
function valueOf(properties: INodeProperties[], params: Params, name: string, depth = 0): unknown {
	if (params[name] !== undefined) return params[name];
	if (depth > 5) return undefined;
	const declared = properties.find((p) => p.name === name && isVisible(properties, params, p, depth + 1));
	return declared?.default;
}

function isVisible(properties: INodeProperties[], params: Params, property: INodeProperties, depth = 0): boolean {
	const { show, hide } = property.displayOptions ?? {};
	for (const [key, allowed] of Object.entries(show ?? {})) {
		if (key.startsWith('@')) continue;
		const value = valueOf(properties, params, key, depth);
		if (!(allowed ?? []).some((a) => a === value)) return false;
	}
	for (const [key, denied] of Object.entries(hide ?? {})) {
		if (key.startsWith('@')) continue;
		const value = valueOf(properties, params, key, depth);
		if ((denied ?? []).some((d) => d === value)) return false;
	}
	return true;
}

/** Problems of one value against its declaration (type, allowed options, nested collection keys). */
function checkValue(where: string, property: INodeProperties, value: unknown): string[] {
	if (isExpression(value)) return [];
	const problems: string[] = [];
	const staticOptions =
		property.typeOptions?.loadOptionsMethod === undefined && Array.isArray(property.options)
			? (property.options as INodePropertyOptions[]).map((o) => o.value)
			: undefined;
	switch (property.type) {
		case 'options':
			if (staticOptions && !staticOptions.includes(value as string)) problems.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(staticOptions)}`);
			break;
		case 'multiOptions':
			if (!Array.isArray(value)) problems.push(`${where}: should be an array`);
			else if (staticOptions) for (const v of value) if (!staticOptions.includes(v)) problems.push(`${where}: ${JSON.stringify(v)} is not one of ${JSON.stringify(staticOptions)}`);
			break;
		case 'boolean':
		case 'number':
			if (typeof value !== property.type) problems.push(`${where}: should be a ${property.type}, got ${JSON.stringify(value)}`);
			break;
		case 'string':
			if (typeof value !== 'string') problems.push(`${where}: should be a string, got ${JSON.stringify(value)}`);
			break;
		case 'resourceLocator': {
			const rl = value as { __rl?: boolean; mode?: string; value?: unknown };
			const modes = (property.modes ?? []).map((m) => m.name);
			if (rl?.__rl !== true || !modes.includes(rl.mode ?? '')) problems.push(`${where}: should be {__rl: true, mode: ${modes.join('|')}, value}`);
			break;
		}
		case 'resourceMapper': {
			const rm = value as { mappingMode?: string; value?: unknown };
			if (!['defineBelow', 'autoMapInputData'].includes(rm?.mappingMode ?? '')) problems.push(`${where}: mappingMode must be defineBelow or autoMapInputData`);
			if (rm?.mappingMode === 'defineBelow' && (typeof rm.value !== 'object' || rm.value === null)) problems.push(`${where}: value must be an object`);
			break;
		}
		case 'collection': {
			const nested = (property.options ?? []) as INodeProperties[];
			for (const [key, v] of Object.entries((value ?? {}) as Params)) {
				const declared = nested.find((p) => p.name === key);
				if (!declared) problems.push(`${where}.${key}: not declared (known: ${nested.map((p) => p.name).join(', ')})`);
				else problems.push(...checkValue(`${where}.${key}`, declared, v));
			}
			break;
		}
		case 'fixedCollection': {
			const groups = (property.options ?? []) as INodePropertyCollection[];
			for (const [key, v] of Object.entries((value ?? {}) as Params)) {
				const group = groups.find((g) => g.name === key);
				if (!group) {
					problems.push(`${where}.${key}: not declared (known: ${groups.map((g) => g.name).join(', ')})`);
					continue;
				}
				const entries = property.typeOptions?.multipleValues ? (v as Params[]) : [v as Params];
				if (!Array.isArray(entries)) {
					problems.push(`${where}.${key}: should be an array`);
					continue;
				}
				entries.forEach((entry, i) => {
					for (const [field, fv] of Object.entries(entry ?? {})) {
						const declared = group.values.find((p) => p.name === field);
						if (!declared) problems.push(`${where}.${key}[${i}].${field}: not declared`);
						else problems.push(...checkValue(`${where}.${key}[${i}].${field}`, declared, fv));
					}
				});
			}
			break;
		}
	}
	return problems;
}

/** Every parameter of one of our nodes checked against its description; required visible ones must be set. */
function parameterProblems(node: TemplateNode): string[] {
	const properties = nodeClasses[shortType(node)].description.properties;
	const problems: string[] = [];
	for (const [name, value] of Object.entries(node.parameters)) {
		const candidates = properties.filter((p) => p.name === name);
		if (candidates.length === 0) {
			problems.push(`"${node.name}": parameter "${name}" is not declared by ${node.type}`);
			continue;
		}
		const visible = candidates.find((p) => isVisible(properties, node.parameters, p));
		if (!visible) {
			problems.push(`"${node.name}": parameter "${name}" is declared but not shown for these settings (displayOptions)`);
			continue;
		}
		problems.push(...checkValue(`"${node.name}".${name}`, visible, value).map((p) => p));
	}
	for (const property of properties) {
		if (!property.required || !isVisible(properties, node.parameters, property)) continue;
		const value = valueOf(properties, node.parameters, property.name);
		const empty = value === undefined || value === '' || (typeof value === 'object' && value !== null && 'value' in value && (value as { value: unknown }).value === '');
		if (empty) problems.push(`"${node.name}": required parameter "${property.name}" is empty`);
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Names against the sandbox demo data
// ---------------------------------------------------------------------------------------------------------------

const caspioTables = new Map(caspioDemoSeed().tables.map((t) => [t.name, new Set(['PK_ID', ...t.fields.map((f) => f.Name)])]));
const acLists = new Set(acDemoSeed.lists);
const acAutomations = new Set((acDemoSeed.automations ?? []).map((a) => (typeof a === 'string' ? a : a.name)));
const acFields = new Set((acDemoSeed.fields ?? []).map((f) => f.title));

const tableOf = (node: TemplateNode) => (node.parameters.table as { value?: string } | undefined)?.value;

function nameProblems(template: Template): string[] {
	const problems: string[] = [];
	const triggerTables = new Set<string>();
	for (const node of template.nodes.filter(ours)) {
		const p = node.parameters;
		const table = tableOf(node);
		if (table !== undefined) {
			const fields = caspioTables.get(table);
			if (!fields) {
				problems.push(`"${node.name}": Caspio table "${table}" is not in the Caspio demo seed`);
				continue;
			}
			if (node.type.endsWith('caspioTrigger')) triggerTables.add(table);
			const named = [
				...((p.watchFields as string[] | undefined) ?? []),
				...(((p.filters as { conditions?: Array<{ field: string }> } | undefined)?.conditions ?? []).map((c) => c.field)),
				...Object.keys(((p.columns as { value?: Params } | undefined)?.value ?? {}) as Params),
			];
			for (const field of named) if (!fields.has(field)) problems.push(`"${node.name}": field "${field}" is not a field of Caspio table "${table}"`);
		}
		for (const key of ['listsToSubscribe', 'listsToUnsubscribe']) {
			const value = p[key];
			if (Array.isArray(value)) for (const list of value) if (!acLists.has(list)) problems.push(`"${node.name}": list "${list}" is not in the AC demo seed`);
		}
		if (typeof p.automation === 'string' && !isExpression(p.automation) && !acAutomations.has(p.automation)) {
			problems.push(`"${node.name}": automation "${p.automation}" is not in the AC demo seed`);
		}
		for (const field of (p.customFields as { field?: Array<{ name: string }> } | undefined)?.field ?? []) {
			if (!acFields.has(field.name)) problems.push(`"${node.name}": custom field "${field.name}" is not in the AC demo seed`);
		}
		if (p.resource === 'event' && typeof p.event === 'string' && !isExpression(p.event) && p.event.length > 32) {
			problems.push(`"${node.name}": event name "${p.event}" is longer than 32 characters`);
		}
	}
	// Set nodes that name an automation for a later node (the tiers of lead nurture and survey feedback).
	for (const node of template.nodes.filter((n) => n.type === 'n8n-nodes-base.set')) {
		const assignments = ((node.parameters.assignments as { assignments?: Array<{ name: string; value: unknown }> })?.assignments ?? []);
		for (const a of assignments) {
			if (a.name === 'automation' && a.value !== '' && !acAutomations.has(String(a.value))) {
				problems.push(`"${node.name}": automation "${String(a.value)}" is not in the AC demo seed`);
			}
		}
	}
	// `record.<Field>` in expressions: the trigger's record, so a field of a table a Caspio trigger of this workflow watches.
	if (triggerTables.size > 0) {
		const known = new Set([...triggerTables].flatMap((t) => [...(caspioTables.get(t) ?? [])]));
		for (const match of template.text.matchAll(/\brecord\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
			if (!known.has(match[1])) problems.push(`expression reads record.${match[1]}, which no watched table (${[...triggerTables].join(', ')}) has`);
		}
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------------------------

/** How many main outputs a node has (Switch: one per rule, plus the fallback; IF: true/false). */
function outputCount(node: TemplateNode): number {
	if (node.type === 'n8n-nodes-base.switch') {
		const rules = ((node.parameters.rules as { values?: unknown[] })?.values ?? []).length;
		return rules + ((node.parameters.options as { fallbackOutput?: string })?.fallbackOutput === 'extra' ? 1 : 0);
	}
	if (node.type === 'n8n-nodes-base.if') return 2;
	if (node.type === 'n8n-nodes-base.stickyNote') return 0;
	return 1;
}

function inputCount(node: TemplateNode): number {
	if (node.type === 'n8n-nodes-base.merge') return 2;
	if (/trigger$/i.test(node.type) || node.type === 'n8n-nodes-base.stickyNote') return 0;
	return 1;
}

function connectionProblems(template: Template): string[] {
	const byName = new Map(template.nodes.map((n) => [n.name, n]));
	const problems: string[] = [];
	for (const [source, outputs] of Object.entries(template.connections)) {
		const from = byName.get(source);
		if (!from) {
			problems.push(`connection from unknown node "${source}"`);
			continue;
		}
		outputs.main.forEach((targets, output) => {
			if (targets.length > 0 && output >= outputCount(from)) problems.push(`"${source}" has no output ${output}`);
			for (const target of targets) {
				const to = byName.get(target.node);
				if (!to) problems.push(`"${source}" connects to unknown node "${target.node}"`);
				else if (target.index >= inputCount(to)) problems.push(`"${source}" connects to input ${target.index} of "${target.node}", which has ${inputCount(to)}`);
			}
		});
	}
	const targets = new Set(Object.values(template.connections).flatMap((c) => c.main.flat().map((t) => t.node)));
	for (const node of template.nodes) {
		if (node.type === 'n8n-nodes-base.stickyNote' || inputCount(node) === 0) continue;
		if (!targets.has(node.name)) problems.push(`"${node.name}" has no incoming connection`);
	}
	for (const match of template.text.matchAll(/\$\(\\?'([^'\\]+)\\?'\)/g)) {
		if (!byName.has(match[1])) problems.push(`an expression refers to $('${match[1]}'), which is not a node of this workflow`);
	}
	return problems;
}

/** Every string in the template (keys and values). */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
	return [];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function secretProblems(template: Template): string[] {
	const problems: string[] = [];
	for (const [pattern, what] of [
		[/https?:|http/i, 'a URL'],
		[/caspio\.com/i, 'a Caspio host'],
		[/api-us1|activehosted|api-us\d/i, 'an ActiveCampaign host'],
		[/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|localhost/i, 'an IP address or localhost'],
	] as const) {
		// The HTTP Request node's type name is no URL.
		if (pattern.test(template.text.replaceAll('n8n-nodes-base.httpRequest', ''))) problems.push(`contains ${what} (${pattern})`);
	}
	for (const s of strings(JSON.parse(template.text))) {
		for (const token of s.match(/[A-Za-z0-9_+/=-]{24,}/g) ?? []) {
			// API keys and secrets are long and digit-rich; identifiers such as node type names are not.
			const slug = /^[a-z0-9]+(-[a-z0-9]+)+$/.test(token);
			const keyLike = !slug && (token.length >= 40 || (token.match(/\d/g) ?? []).length >= 4);
			if (keyLike && !UUID.test(token)) problems.push(`contains a key-like string "${token.slice(0, 8)}…"`);
		}
	}
	for (const node of template.nodes) {
		for (const [type, ref] of Object.entries(node.credentials ?? {})) {
			if (ref.id !== '') problems.push(`"${node.name}": credential ${type} has an id ("${ref.id}"); leave it empty so import links it`);
		}
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------------------------

describe('workflow templates (workflows/*.json)', () => {
	it('are the eight use cases of the package', () => {
		expect(templates.map((t) => t.file)).toEqual(EXPECTED_FILES);
	});

	describe.each(templates.map((t) => [t.file, t] as const))('%s', (_file, template) => {
		it('is a workflow the public API accepts: a name, unique node names and ids, positions, execution order v1', () => {
			expect(template.name).toEqual(expect.any(String));
			expect(template.name.length).toBeGreaterThan(5);
			const names = template.nodes.map((n) => n.name);
			expect(new Set(names).size).toBe(names.length);
			const ids = template.nodes.map((n) => n.id);
			expect(ids.every((id) => UUID.test(id))).toBe(true);
			expect(new Set(ids).size).toBe(ids.length);
			expect(template.nodes.every((n) => Array.isArray(n.position) && n.position.length === 2)).toBe(true);
			expect(template.settings).toEqual({ executionOrder: 'v1' });
		});

		it('uses only node types that exist: this package\'s, or n8n-nodes-base 2.41 in a listed version', () => {
			const unknown = template.nodes
				.filter((n) => (ours(n) ? !nodeClasses[shortType(n)] || ![nodeClasses[shortType(n)].description.version].flat().includes(n.typeVersion) : !BASE_NODE_VERSIONS[n.type]?.includes(n.typeVersion)))
				.map((n) => `${n.name}: ${n.type} v${n.typeVersion}`);
			expect(unknown).toEqual([]);
		});

		it('gives our nodes only parameters they declare for that resource and operation, with valid values', () => {
			expect(template.nodes.filter(ours).flatMap(parameterProblems)).toEqual([]);
		});

		it('names Caspio tables and fields, AC lists, automations and custom fields that the demo seeds have', () => {
			expect(nameProblems(template)).toEqual([]);
		});

		it('connects existing nodes through existing outputs, and every $(…) reference names a node', () => {
			expect(connectionProblems(template)).toEqual([]);
		});

		it('has a sticky note that says what it does and what to change', () => {
			const notes = template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
			expect(notes).toHaveLength(1);
			expect(notes[0]).toMatch(/^## /);
			expect(notes[0]).toMatch(/\*\*What it does\*\*/);
			expect(notes[0]).toMatch(/\*\*What to change\*\*/);
		});

		it('holds no secrets, ids of real credentials, URLs or hostnames', () => {
			expect(secretProblems(template)).toEqual([]);
		});

		it('gives each trigger that registers a webhook a fixed webhookId and credentials of its type', () => {
			for (const node of template.nodes.filter((n) => ours(n))) {
				const credential = nodeClasses[shortType(node)].description.credentials?.[0]?.name ?? '';
				expect(Object.keys(node.credentials ?? {})).toEqual([credential]);
				if (node.type.endsWith('Trigger')) expect(node.webhookId).toMatch(UUID);
			}
		});
	});

	it('no two trigger nodes share a webhookId (their URLs would collide when both are published)', () => {
		const ids = templates.flatMap((t) => t.nodes.filter((n) => n.webhookId).map((n) => n.webhookId));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('every n8n-nodes-base type in the version list is used by some template (the list stays exact)', () => {
		const used = new Set(templates.flatMap((t) => t.nodes.map((n) => `${n.type}@${n.typeVersion}`)));
		const listed = Object.entries(BASE_NODE_VERSIONS).flatMap(([type, versions]) => versions.map((v) => `${type}@${v}`));
		expect(listed.filter((entry) => !used.has(entry))).toEqual([]);
	});
});

describe('the checks themselves', () => {
	const upsert = (parameters: Params): TemplateNode => ({
		id: '00000000-0000-4000-a000-000000000000',
		name: 'Upsert',
		type: `${PACKAGE}.activeCampaignPlus`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	});

	it('flag a parameter of another operation, an unknown option value, an undeclared collection key and a missing required value', () => {
		expect(parameterProblems(upsert({ resource: 'contact', operation: 'upsert', email: 'a@example.com', limit: 5 }))).toEqual([
			'"Upsert": parameter "limit" is declared but not shown for these settings (displayOptions)',
		]);
		expect(parameterProblems(upsert({ resource: 'contact', operation: 'upsertt', email: 'a@example.com' }))).toContainEqual(
			expect.stringContaining('"upsertt" is not one of'),
		);
		expect(parameterProblems(upsert({ resource: 'contact', operation: 'upsert', email: 'a@example.com', additionalFields: { nickname: 'x' } }))).toEqual([
			expect.stringContaining('additionalFields.nickname: not declared'),
		]);
		expect(parameterProblems(upsert({ resource: 'contact', operation: 'upsert' }))).toEqual(['"Upsert": required parameter "email" is empty']);
	});

	it('flag URLs, key-like strings and credential ids', () => {
		const text = JSON.stringify({ nodes: [{ ...upsert({ note: 'https://acme.api-us1.com', key: 'abcdefABCDEF0123456789abcdef' }), credentials: { activeCampaignPlusApi: { id: '7', name: 'x' } } }] });
		const template = { ...JSON.parse(text), text, file: 'x.json' } as Template;
		expect(secretProblems(template)).toEqual([
			expect.stringContaining('a URL'),
			expect.stringContaining('an ActiveCampaign host'),
			expect.stringContaining('key-like string "abcdefAB…"'),
			expect.stringContaining('credential activeCampaignPlusApi has an id'),
		]);
	});
});
