/**
 * Output schemas (`nodes/<Node>/__schema__/v1.0.0/<resource>/<operation>.json`, written by `npm run schemas`): every
 * operation the nodes offer returns data, so every one has a schema; each schema is one n8n's editor accepts; and
 * what each operation really returns from the sandboxes fits its schema.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { inferSchema, schemaErrors, type JsonSchema } from '../support/jsonSchema';
import { nodeClasses } from '../support/n8n';
import { SCENARIOS, ScenarioSandboxes, schemaFile, type NodeName } from '../support/schemaScenarios';

const NODES: NodeName[] = ['caspio', 'activeCampaignPlus'];

/** resource → operations, as the node's Operation dropdowns offer them in the editor. */
function offered(node: NodeName): Array<[string, string]> {
	const properties: INodeProperties[] = nodeClasses[node].description.properties;
	return properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => {
			const resources = (p.displayOptions?.show?.resource ?? []) as string[];
			const operations = (p.options ?? []).map((o) => String((o as { value: unknown }).value));
			return resources.flatMap((resource) => operations.map((operation) => [resource, operation] as [string, string]));
		});
}

const everyOperation = NODES.flatMap((node) => offered(node).map(([resource, operation]) => [node, resource, operation] as const));

const readSchema = (node: NodeName, resource: string, operation: string) =>
	JSON.parse(fs.readFileSync(schemaFile(node, resource, operation), 'utf8')) as JsonSchema;

/** Schema nodes without a `type`, by path. */
function untyped(schema: JsonSchema, at = '$'): string[] {
	const here = schema.type === undefined ? [at] : [];
	const inner = Object.entries(schema.properties ?? {}).flatMap(([key, field]) => untyped(field, `${at}.${key}`));
	return [...here, ...inner, ...(schema.items ? untyped(schema.items, `${at}[]`) : [])];
}

describe('output schemas', () => {
	test('the editor offers the operations the typed resource → operation maps list, and each has a scenario', () => {
		for (const node of NODES) {
			const typed = Object.entries(SCENARIOS[node]).flatMap(([resource, operations]) => Object.keys(operations).map((operation) => `${resource} → ${operation}`));
			expect(offered(node).map(([resource, operation]) => `${resource} → ${operation}`).sort()).toEqual(typed.sort());
		}
	});

	// No operation returns nothing: even a delete says what it removed. An operation that ever does not return data
	// gets listed here with its reason, instead of a schema.
	test.each(everyOperation)('%s %s → %s has a schema n8n accepts', (node, resource, operation) => {
		// Missing: run `npm run schemas`, which writes it from the operation's sandbox scenario.
		expect(fs.existsSync(schemaFile(node, resource, operation))).toBe(true);
		const schema = readSchema(node, resource, operation);
		// n8n's editor drops a schema that is not an object with properties (its schema preview's isValidJsonSchema).
		expect(schema.type).toBe('object');
		expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
		expect(untyped(schema)).toEqual([]);
	});

	test('no schema file is left from an operation that no longer exists', () => {
		const expected = new Set(everyOperation.map(([node, resource, operation]) => schemaFile(node, resource, operation)));
		const found = NODES.flatMap((node) => {
			const root = path.dirname(path.dirname(schemaFile(node, 'resource', 'operation')));
			return fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => path.join(root, f));
		});
		expect(found.filter((file) => !expected.has(file))).toEqual([]);
	});
});

describe('real outputs fit their schemas', () => {
	let sandboxes: ScenarioSandboxes;
	beforeAll(async () => (sandboxes = await ScenarioSandboxes.start()));
	afterAll(async () => await sandboxes.close());

	test.each(everyOperation)('%s %s → %s', async (node, resource, operation) => {
		const items = await sandboxes.outputs(node, resource, operation);
		const schema = readSchema(node, resource, operation);

		expect(items.length).toBeGreaterThan(0);
		expect(items.flatMap((item) => schemaErrors(schema, item.json))).toEqual([]);
	});
});

describe('schema inference and check', () => {
	test('merges the items: keys in first-seen order, a value seen empty too is typed first by what it holds', () => {
		const schema = inferSchema([
			{ id: 1, email: 'ada@example.com', phone: null, tags: [] },
			{ id: 2, email: 'bo@example.com', phone: '+1 555', tags: [{ tag: 'vip' }], links: { notes: 'url' } },
		]);

		expect(schema).toEqual({
			type: 'object',
			properties: {
				id: { type: 'number' },
				email: { type: 'string' },
				phone: { type: ['string', 'null'] },
				tags: { type: 'array', items: { type: 'object', properties: { tag: { type: 'string' } } } },
				links: { type: 'object', properties: { notes: { type: 'string' } } },
			},
		});
	});

	test('names a value of another type and a field the schema lacks', () => {
		const schema = readSchema('caspio', 'record', 'get');

		expect(schemaErrors(schema, { PK_ID: '1', First_Name: 'Ada', Secret: 'x' })).toEqual([
			'$.PK_ID: expected number, got string',
			'$.Secret: not in the schema',
		]);
	});
});
