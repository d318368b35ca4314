import type { SeedInput } from '../../../sandbox/activecampaign';

/** Three contacts to read and delete: Ada (tag, list, a field value), Bo, and Cy (tag only). */
export const CONTACTS: SeedInput = {
	lists: ['Newsletter'],
	tags: ['vip'],
	fields: [{ title: 'Seats', type: 'number' }],
	contacts: [
		{ email: 'ada@example.com', firstName: 'Ada', tags: ['vip'], lists: ['Newsletter'], fieldValues: { Seats: '3' } },
		{ email: 'bo@example.com', firstName: 'Bo' },
		{ email: 'cy@example.com', firstName: 'Cy', tags: ['vip'] },
	],
};
