import type { INodeProperties } from 'n8n-workflow';

/** Get and Get Many: the contact's custom field values with their change times, under `fields`. */
export const includeFieldValuesProperty: INodeProperties = {
	displayName: 'Include Custom Field Values',
	name: 'includeFieldValues',
	type: 'boolean',
	default: false,
	description:
		'Whether to add the custom field values under "fields", keyed by personalization tag, each with its title and the time it last changed (udate). Costs one more request per contact.',
};
