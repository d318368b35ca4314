import { readQuery } from '../../../../nodes/Caspio/helpers/query';
import { NODE } from '../support/node';

const FIELDS = [
	{ Name: 'Name', Type: 'STRING' },
	{ Name: 'Score', Type: 'NUMBER' },
	{ Name: 'Secret', Type: 'PASSWORD' },
];

describe('Caspio record read query', () => {
	it('always orders by PK_ID when nothing else is asked', () => {
		expect(readQuery(NODE, 0, FIELDS, {})).toEqual({ 'q.orderBy': 'PK_ID ASC' });
		expect(readQuery(NODE, 0, FIELDS, { where: 'Score > 1' })).toEqual({ 'q.where': 'Score > 1', 'q.orderBy': 'PK_ID ASC' });
	});

	it('names fields as the table spells them, once each, with PK_ID as the tie-breaker of the sort', () => {
		const qs = readQuery(NODE, 0, FIELDS, { select: ['name', 'Name', 'pk_id'], sort: [{ field: 'score', direction: 'DESC' }, { field: 'Name' }] });
		expect(qs).toEqual({ 'q.select': 'Name,PK_ID', 'q.orderBy': 'Score DESC,Name ASC,PK_ID ASC' });
	});

	it('does not add PK_ID to a sort that already has it', () => {
		expect(readQuery(NODE, 0, FIELDS, { sort: [{ field: 'PK_ID', direction: 'DESC' }] })['q.orderBy']).toBe('PK_ID DESC');
	});

	it('groups: the grouped fields, then the aggregates, ordered by the groups; totals alone have no order', () => {
		expect(readQuery(NODE, 0, FIELDS, { groupBy: ['name'], aggregates: [{ function: 'AVG', field: 'score' }] })).toEqual({
			'q.select': 'Name,AVG(Score) AS Score_avg',
			'q.groupBy': 'Name',
			'q.orderBy': 'Name ASC',
		});
		expect(readQuery(NODE, 0, FIELDS, { aggregates: [{ function: 'COUNT', alias: 'n' }] })).toEqual({ 'q.select': 'COUNT(*) AS n' });
	});

	it('refuses a field the table does not have or never returns, naming the option and the item', () => {
		expect(() => readQuery(NODE, 2, FIELDS, { select: ['Secret'] })).toThrow('Fields to Return "Secret" is not a readable field of this table [item 2]');
		expect(() => readQuery(NODE, 0, FIELDS, { sort: [{ field: 'Score; DROP' }] })).toThrow('Sort "Score; DROP" is not a readable field of this table [item 0]');
	});
});
