import {
	byTitleOrId,
	fieldCatalog,
	fieldKey,
	namedCatalog,
	type FieldInfo,
} from '../../../../nodes/ActiveCampaignPlus/helpers/catalog';

describe('names typed by users', () => {
	it('find a list or automation by name ignoring case and spaces, or by id', () => {
		const lists = namedCatalog([
			{ id: '1', name: 'Newsletter' },
			{ id: '2', name: 'Customers' },
		]);

		expect(lists.byKey.get('newsletter')?.id).toBe('1');
		expect(lists.byKey.get('2')?.name).toBe('Customers');
		expect(lists.byKey.get('news')).toBeUndefined();
	});

	it('prefer a list named like a number over the list with that id', () => {
		const lists = namedCatalog([
			{ id: '1', name: 'Newsletter' },
			{ id: '7', name: '1' },
		]);

		expect(lists.byKey.get('1')?.id).toBe('7');
	});

	it('find a custom field by id, title or personalization tag, with or without its %…%', () => {
		const seats: FieldInfo = { id: '4', title: 'Seats Booked', perstag: 'SEATS', type: 'number', options: [] };
		const fields = fieldCatalog([seats]);

		for (const ref of ['4', 'seats booked', 'SEATS', '%SEATS%', '%seats%']) {
			expect(fields.byKey.get(fieldKey(ref))).toBe(seats);
		}
		expect(fields.byKey.get(fieldKey('%SEAT%'))).toBeUndefined();
	});

	it('find a pipeline or stage by title before id', () => {
		const stages = [
			{ id: '3', title: 'To Contact' },
			{ id: '9', title: '3' },
		];

		expect(byTitleOrId(stages, ' to contact ')?.id).toBe('3');
		expect(byTitleOrId(stages, '3')?.id).toBe('9');
		expect(byTitleOrId(stages, '9')?.title).toBe('3');
		expect(byTitleOrId(stages, 'Won')).toBeUndefined();
	});
});
