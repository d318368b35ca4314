import { eventSourcesOf, SOURCES_WITHOUT_REST } from '../../../../nodes/Caspio/trigger/events';
import { parseDeliveryText, payloadPlan, pickFields, typedRecord } from '../../../../nodes/Caspio/trigger/payload';

const FIELDS = [
	{ Name: 'Title', Type: 'STRING' },
	{ Name: 'Pages', Type: 'NUMBER' },
	{ Name: 'Signed', Type: 'YES/NO' },
	{ Name: 'Scan', Type: 'ATTACHMENT' },
	{ Name: 'Pin', Type: 'PASSWORD' },
];

describe('eventSourcesOf', () => {
	it('keeps the meaning of every saved shape', () => {
		expect(eventSourcesOf({})).toEqual(SOURCES_WITHOUT_REST);
		expect(eventSourcesOf({ includeRestApi: false })).toEqual(SOURCES_WITHOUT_REST);
		expect(eventSourcesOf({ includeRestApi: true })).toEqual([...SOURCES_WITHOUT_REST, 'RESTAPIs']);
		expect(eventSourcesOf({ eventSources: ['Datasheet'] })).toEqual(['Datasheet']);
		expect(eventSourcesOf({ eventSources: ['Datasheet'], includeRestApi: true })).toEqual(['Datasheet', 'RESTAPIs']);
		expect(eventSourcesOf({ eventSources: ['RESTAPIs'], includeRestApi: true })).toEqual(['RESTAPIs']);
		expect(eventSourcesOf({ eventSources: [] })).toBeUndefined();
	});
});

describe('payloadPlan', () => {
	it('needs no template for all fields without URLs', () => {
		expect(payloadPlan(FIELDS, {})).toEqual({});
		expect(payloadPlan(FIELDS, { payloadFields: [] })).toEqual({});
	});

	it('lists PK_ID first, then the chosen fields once each in their table spelling, and their kinds', () => {
		const plan = payloadPlan(FIELDS, { payloadFields: ['signed', 'PK_ID', 'Title', 'Signed'] });
		expect(plan).toEqual({
			template:
				"{'secret': '[@out-hook:secret]', 'webhookId': '[@out-hook:webhookId]', 'messageId': '[@out-hook:messageId]', 'eventId': '[@out-hook:eventId]', " +
				"'callId': '[@out-hook:callId]', 'accountId': '[@out-hook:accountId]', 'eventDate': '[@out-hook:eventDate]', 'eventType': '[@out-hook:eventType]', " +
				"'objectName': '[@out-hook:objectName]', 'data': [{'PK_ID': '[@field:PK_ID]', 'Signed': '[@field:Signed]', 'Title': '[@field:Title]'}]}",
			kinds: { PK_ID: 'number', Signed: 'boolean' },
		});
	});

	it('adds a URL key beside attachment fields only when asked, and never a password', () => {
		const plan = payloadPlan(FIELDS, { returnAttachmentUrls: true }) as { template: string };
		expect(plan.template).toContain("'Pages': '[@field:Pages]', 'Signed': '[@field:Signed]', 'Scan': '[@field:Scan]', '_Scan': '[@field:Scan/]'}");
		expect(plan.template).not.toContain('Pin');
		expect((payloadPlan(FIELDS, { payloadFields: ['Scan'] }) as { template: string }).template).not.toContain('_Scan');
	});

	it('names an unknown field, a password field, and a name a template cannot carry', () => {
		expect(payloadPlan(FIELDS, { payloadFields: ['Nope'] })).toEqual({ problem: 'Field "Nope" is not a field of this table' });
		expect(payloadPlan(FIELDS, { payloadFields: ['PIN'] })).toEqual({ problem: 'Field "Pin" is a password field, which Caspio never sends' });
		expect(payloadPlan([{ Name: "x'y", Type: 'STRING' }], { returnAttachmentUrls: true })).toEqual({ problem: 'Field "x\'y" has a name a payload template cannot carry' });
	});
});

describe('typedRecord, pickFields, parseDeliveryText', () => {
	it('gives text values their types back; empty text is null; other text is left alone', () => {
		const kinds = { PK_ID: 'number', Pages: 'number', Signed: 'boolean' } as const;
		expect(typedRecord({ PK_ID: '7', Pages: '', Signed: 'True', Title: '12' }, kinds)).toEqual({ PK_ID: 7, Pages: null, Signed: true, Title: '12' });
		expect(typedRecord({ PK_ID: 7, Pages: 'many', Signed: 'no' }, kinds)).toEqual({ PK_ID: 7, Pages: 'many', Signed: false });
	});

	it('keeps PK_ID, the chosen fields and their URL keys, whatever their case', () => {
		expect(pickFields({ PK_ID: 1, Title: 'a', Pages: 2, Scan: 'f.pdf', _Scan: 'https://x' }, ['title', 'Scan'])).toEqual({ PK_ID: 1, Title: 'a', Scan: 'f.pdf', _Scan: 'https://x' });
		const all = { PK_ID: 1, Title: 'a' };
		expect(pickFields(all, [])).toBe(all);
	});

	it('reads JSON, and a single-quoted template sent as written, an apostrophe inside a value included', () => {
		expect(parseDeliveryText('{"a": 1}')).toEqual({ a: 1 });
		expect(parseDeliveryText("{'messageId': 'm1', 'data': [{'PK_ID': '3', 'Name': 'O'Brien', 'Size': 12}]}")).toEqual({
			messageId: 'm1',
			data: [{ PK_ID: '3', Name: "O'Brien", Size: 12 }],
		});
		expect(parseDeliveryText('not a payload')).toBeUndefined();
		expect(parseDeliveryText('[1, 2]')).toBeUndefined();
	});
});
