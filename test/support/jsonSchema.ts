/**
 * Output schemas the way n8n-nodes-base ships them (`__schema__/v1.0.0/<resource>/<operation>.json`): JSON Schema
 * draft-07 keywords `type`, `properties` and `items` only, no `required`. Inferred from real outputs, and checked
 * against real outputs, here.
 */

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface JsonSchema {
	type: JsonType | JsonType[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

const typeOf = (value: unknown): JsonType => {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return 'array';
	const type = typeof value;
	return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
};

/** The schema every one of `values` fits: objects merge their keys (first-seen order), arrays their elements. */
export function inferSchema(values: readonly unknown[]): JsonSchema {
	const seen: JsonType[] = [];
	const objects: Array<Record<string, unknown>> = [];
	const elements: unknown[] = [];
	for (const value of values) {
		const type = typeOf(value);
		if (!seen.includes(type)) seen.push(type);
		if (type === 'object') objects.push(value as Record<string, unknown>);
		if (type === 'array') elements.push(...(value as unknown[]));
	}
	// `null` last: n8n's editor shows a field as its first type.
	const types = [...seen.filter((t) => t !== 'null'), ...seen.filter((t) => t === 'null')];
	const schema: JsonSchema = { type: types.length === 1 ? types[0] : types };
	if (objects.length) {
		const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
		schema.properties = Object.fromEntries(keys.map((key) => [key, inferSchema(objects.filter((o) => key in o).map((o) => o[key]))]));
	}
	if (elements.length) schema.items = inferSchema(elements);
	return schema;
}

/** Where `value` breaks `schema`, as `path: expected …, got …` lines; empty when it fits. */
export function schemaErrors(schema: JsonSchema, value: unknown, path = '$'): string[] {
	const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
	const type = typeOf(value);
	if (!allowed.includes(type)) return [`${path}: expected ${allowed.join(' or ')}, got ${type}`];
	if (type === 'object' && schema.properties) {
		const record = value as Record<string, unknown>;
		return Object.entries(record).flatMap(([key, field]) => {
			const fieldSchema = schema.properties?.[key];
			return fieldSchema ? schemaErrors(fieldSchema, field, `${path}.${key}`) : [`${path}.${key}: not in the schema`];
		});
	}
	if (type === 'array' && schema.items) {
		const items = schema.items;
		return (value as unknown[]).flatMap((element, i) => schemaErrors(items, element, `${path}[${i}]`));
	}
	return [];
}
