import type { Ctx } from './context';
import type {
	Automation,
	Contact,
	ContactAutomation,
	ContactList,
	ContactTag,
	Deal,
	DealGroup,
	DealStage,
	Field,
	FieldOption,
	FieldRel,
	FieldValue,
	List,
	Note,
	Tag,
	User,
	Webhook,
} from './store';
import { iso, utcStamp } from './util';

/** How each record looks on the wire: string ids, ISO dates with offset, "0"/"1" flags, `links`. */

const links = (ctx: Ctx, base: string, names: string[]): Record<string, string> =>
	Object.fromEntries(names.map((n) => [n, `${ctx.url}/api/3/${base}/${n}`]));

const CONTACT_LINKS = [
	'bounceLogs',
	'contactAutomations',
	'contactData',
	'contactGoals',
	'contactLists',
	'contactLogs',
	'contactTags',
	'contactDeals',
	'deals',
	'fieldValues',
	'geoIps',
	'notes',
	'organization',
	'plusAppend',
	'trackingLogs',
	'scoreValues',
];

/** The documented list-item keys of a contact. */
export function contactView(ctx: Ctx, c: Contact) {
	return {
		cdate: iso(c.cdate),
		email: c.email,
		phone: c.phone,
		firstName: c.firstName,
		lastName: c.lastName,
		orgid: '0',
		segmentio_id: '',
		bounced_hard: '0',
		bounced_soft: '0',
		bounced_date: null,
		ip: c.ip,
		ua: null,
		hash: c.hash,
		socialdata_lastcheck: null,
		email_local: '',
		email_domain: '',
		sentcnt: '0',
		rating_tstamp: null,
		gravatar: '1',
		deleted: '0',
		anonymized: '0',
		adate: null,
		udate: iso(c.udate),
		deleted_at: null,
		scoreValues: [],
		links: links(ctx, `contacts/${c.id}`, CONTACT_LINKS),
		id: String(c.id),
		organization: null,
	};
}

/** A single contact as create/update/sync return it: the list keys plus orgname, email_empty and value ids. */
export function contactDetail(ctx: Ctx, c: Contact) {
	return {
		...contactView(ctx, c),
		orgname: c.orgname,
		email_empty: c.email === '',
		created_utc_timestamp: utcStamp(c.cdate),
		updated_utc_timestamp: utcStamp(c.udate),
		fieldValues: ctx.store.valuesOf(c.id).map((v) => String(v.id)),
	};
}

export const fieldValueView = (ctx: Ctx, v: FieldValue) => ({
	contact: String(v.contact),
	field: String(v.field),
	value: v.value,
	cdate: iso(v.cdate),
	udate: iso(v.udate),
	created_by: null,
	updated_by: null,
	links: { owner: `${ctx.url}/api/3/fieldValues/${v.id}/owner`, field: `${ctx.url}/api/3/fieldValues/${v.id}/field` },
	id: String(v.id),
	owner: String(v.contact),
});

export const tagView = (ctx: Ctx, t: Tag) => ({
	tagType: t.tagType,
	tag: t.tag,
	description: t.description,
	cdate: iso(t.cdate),
	links: links(ctx, `tags/${t.id}`, ['contactGoalTags']),
	id: String(t.id),
});

export const contactTagView = (ctx: Ctx, ct: ContactTag) => ({
	cdate: iso(ct.cdate),
	contact: String(ct.contact),
	created_timestamp: utcStamp(ct.cdate),
	updated_timestamp: utcStamp(ct.cdate),
	created_by: null,
	updated_by: null,
	id: String(ct.id),
	links: links(ctx, `contactTags/${ct.id}`, ['contact', 'tag']),
	tag: String(ct.tag),
});

export const listView = (ctx: Ctx, l: List) => ({
	stringid: l.stringid,
	userid: '1',
	name: l.name,
	cdate: iso(l.cdate),
	p_use_tracking: '1',
	p_use_analytics_read: '0',
	p_use_analytics_link: '0',
	p_use_twitter: '0',
	p_use_facebook: '0',
	p_embed_image: '1',
	p_use_captcha: '1',
	send_last_broadcast: l.sendLastBroadcast,
	private: '0',
	analytics_domains: null,
	analytics_source: '',
	analytics_ua: '',
	carboncopy: l.carboncopy,
	subscription_notify: l.subscriptionNotify,
	unsubscription_notify: l.unsubscriptionNotify,
	require_name: '0',
	get_unsubscribe_reason: '0',
	to_name: 'Subscriber',
	optinoptout: '1',
	sender_name: '',
	sender_url: l.senderUrl,
	sender_reminder: l.senderReminder,
	fulladdress: '',
	optinmessageid: '0',
	optoutconf: '0',
	deletestamp: null,
	udate: iso(l.udate),
	channel: l.channel,
	links: links(ctx, `lists/${l.id}`, ['contactGoalLists', 'user', 'addressLists']),
	id: String(l.id),
	user: '1',
});

export const contactListView = (ctx: Ctx, cl: ContactList) => {
	const contact = ctx.store.contacts.get(cl.contact);
	return {
		contact: String(cl.contact),
		list: String(cl.list),
		form: null,
		seriesid: '0',
		sdate: iso(cl.sdate),
		udate: cl.udate === null ? null : iso(cl.udate),
		status: String(cl.status),
		responder: '1',
		sync: '0',
		unsubreason: cl.unsubreason,
		campaign: null,
		message: null,
		first_name: contact?.firstName ?? '',
		last_name: contact?.lastName ?? '',
		ip4Sub: '0',
		sourceid: String(cl.sourceid),
		autosyncLog: null,
		ip4_last: '0',
		ip4Unsub: '0',
		unsubscribeAutomation: null,
		links: links(ctx, `contactLists/${cl.id}`, [
			'automation',
			'list',
			'contact',
			'form',
			'autosyncLog',
			'campaign',
			'unsubscribeAutomation',
			'message',
		]),
		id: String(cl.id),
		automation: null,
	};
};

export const fieldView = (ctx: Ctx, f: Field) => ({
	title: f.title,
	descript: f.descript,
	type: f.type,
	isrequired: f.isrequired,
	perstag: f.perstag,
	defval: f.defval,
	show_in_list: '0',
	rows: '0',
	cols: '0',
	visible: f.visible,
	service: '',
	ordernum: f.ordernum,
	cdate: iso(f.cdate),
	udate: iso(f.udate),
	options: ctx.store.fieldOptions.where((o) => o.field === f.id).map((o) => String(o.id)),
	relations: ctx.store.fieldRels.where((r) => r.field === f.id).map((r) => String(r.id)),
	links: links(ctx, `fields/${f.id}`, ['options', 'relations']),
	id: String(f.id),
});

export const fieldOptionView = (ctx: Ctx, o: FieldOption) => ({
	field: String(o.field),
	orderid: String(o.orderid),
	value: o.value,
	label: o.label,
	isdefault: o.isdefault ? '1' : '0',
	cdate: iso(o.cdate),
	udate: iso(o.cdate),
	links: links(ctx, `fieldOptions/${o.id}`, ['field']),
	id: String(o.id),
});

export const fieldRelView = (ctx: Ctx, r: FieldRel) => ({
	field: String(r.field),
	relid: String(r.relid),
	dorder: '0',
	cdate: iso(r.cdate),
	links: links(ctx, `fieldRels/${r.id}`, ['field']),
	id: String(r.id),
});

export const automationView = (ctx: Ctx, a: Automation) => ({
	name: a.name,
	cdate: iso(a.cdate),
	mdate: iso(a.mdate),
	userid: '1',
	status: String(a.status),
	entered: String(a.entered),
	exited: String(a.exited),
	hidden: '0',
	defaultscreenshot: '',
	links: links(ctx, `automations/${a.id}`, ['campaigns', 'contactGoals', 'contactAutomations', 'blocks', 'goals', 'sms', 'sitemessages']),
	id: String(a.id),
});

export const contactAutomationView = (ctx: Ctx, ca: ContactAutomation) => ({
	contact: String(ca.contact),
	seriesid: String(ca.automation),
	startid: '0',
	status: '1',
	batchid: null,
	adddate: iso(ca.adddate),
	remdate: null,
	timespan: null,
	lastblock: '0',
	lastlogid: '0',
	lastdate: iso(ca.adddate),
	in_als: '0',
	completedElements: '0',
	totalElements: '1',
	completed: 0,
	completeValue: 0,
	links: links(ctx, `contactAutomations/${ca.id}`, ['automation', 'contact', 'contactGoals', 'automationLogs']),
	id: String(ca.id),
	automation: String(ca.automation),
});

/** `note.owner.type` by reltype, as the examples show it (§4.7, §9.1). */
const NOTE_OWNER_TYPES: Record<string, string> = { Subscriber: 'contact', CustomerAccount: 'account' };

export const noteView = (ctx: Ctx, n: Note) => ({
	cdate: iso(n.cdate),
	mdate: iso(n.mdate),
	note: n.note,
	relid: String(n.relid),
	reltype: n.reltype,
	userid: '1',
	is_draft: '0',
	links: links(ctx, `notes/${n.id}`, ['activities', 'user', 'mentions']),
	id: String(n.id),
	owner: { type: NOTE_OWNER_TYPES[n.reltype] ?? n.reltype.toLowerCase(), id: String(n.relid) },
});

export const dealView = (ctx: Ctx, d: Deal) => ({
	owner: String(d.owner),
	contact: d.contact === null ? null : String(d.contact),
	organization: d.account === null ? null : String(d.account),
	group: String(d.group),
	stage: String(d.stage),
	title: d.title,
	description: d.description,
	percent: String(d.percent),
	cdate: iso(d.cdate),
	mdate: iso(d.mdate),
	nextdate: null,
	nexttaskid: null,
	value: String(d.value),
	currency: d.currency,
	winProbability: null,
	status: String(d.status),
	links: links(ctx, `deals/${d.id}`, [
		'dealActivities',
		'contact',
		'contactDeals',
		'group',
		'nextTask',
		'notes',
		'account',
		'owner',
		'stage',
		'tasks',
	]),
	id: String(d.id),
	isDisabled: false,
	account: d.account === null ? null : String(d.account),
	customerAccount: d.account === null ? null : String(d.account),
});

export const dealGroupView = (ctx: Ctx, g: DealGroup) => ({
	title: g.title,
	currency: g.currency,
	allgroups: '1',
	allusers: '1',
	autoassign: '0',
	cdate: iso(g.cdate),
	udate: iso(g.cdate),
	stages: ctx.store.dealStages.where((s) => s.group === g.id).map((s) => String(s.id)),
	links: links(ctx, `dealGroups/${g.id}`, ['stages', 'dealGroupUsers']),
	id: String(g.id),
});

export const dealStageView = (ctx: Ctx, s: DealStage) => ({
	title: s.title,
	group: String(s.group),
	order: String(s.order),
	dealOrder: 'next-action DESC',
	color: '32B0FC',
	width: '280',
	cdate: iso(s.cdate),
	udate: iso(s.cdate),
	links: links(ctx, `dealStages/${s.id}`, ['group']),
	id: String(s.id),
});

export const userView = (ctx: Ctx, u: User) => ({
	username: u.username,
	firstName: u.firstName,
	lastName: u.lastName,
	email: u.email,
	phone: '',
	signature: null,
	links: { lists: `${ctx.url}/api/3/users/${u.id}/lists`, userGroup: `${ctx.url}/api/3/users/${u.id}/userGroup` },
	id: String(u.id),
});

export const webhookView = (w: Webhook) => ({
	cdate: iso(w.cdate),
	listid: String(w.listid),
	name: w.name,
	url: w.url,
	events: w.events,
	sources: w.sources,
	links: [],
	id: String(w.id),
});
