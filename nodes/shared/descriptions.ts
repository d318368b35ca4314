import type { INodeProperties } from 'n8n-workflow';

/** Return All, the n8n way. */
export const returnAll: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

/** Limit, shown while Return All is off. */
export const limit: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const returnAllProperties: INodeProperties[] = [returnAll, limit];

/**
 * Simplify, the n8n way: named `simple` (the name n8n's lint rules check), on by default, n8n's own description;
 * `hint` says which fields a simplified item keeps.
 */
export function simplifyProperty(hint: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simple',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		hint,
	};
}
