import type { SeedInput } from './seed';

/** A small, realistic account for `seedDemo: true`: the lists, tags, fields and automations the templates use. */
export const demoSeed: SeedInput = {
	lists: ['Newsletter', 'Product Updates', 'Events', 'Webinar 2026', 'Customers'],
	tags: [
		'webinar-2026',
		'hot-lead',
		'warm-lead',
		'cold-lead',
		'promoter',
		'passive',
		'detractor',
		'customer',
		{ tag: 'caspio-sync', description: 'Synced from Caspio' },
	],
	fields: [
		{ title: 'Company Size', type: 'number' },
		{ title: 'Interest', type: 'listbox', options: ['Analytics', 'Automation', 'Integrations', 'Reporting'] },
		{ title: 'Industry', type: 'dropdown', options: ['Education', 'Government', 'Healthcare', 'Nonprofit', 'Other'] },
		{ title: 'Session', type: 'text', lists: ['Events', 'Webinar 2026'] },
		{ title: 'Dietary', type: 'text', lists: ['Events'] },
		{ title: 'Caspio Record ID', type: 'text' },
		{ title: 'NPS Score', type: 'number' },
		{ title: 'Event Date', type: 'date' },
		// Used by workflows/survey-feedback.json.
		{ title: 'NPS Comment', type: 'textarea' },
		// Used by workflows/contact-profile-sync.json.
		{ title: 'Company', type: 'text' },
		{ title: 'Job Title', type: 'text' },
		{ title: 'Membership Level', type: 'text' },
	],
	automations: [
		'Onboarding',
		'Lead Nurture – Hot',
		'Lead Nurture – Warm',
		'Event Reminder',
		'Feedback Follow-up',
		{ name: 'Win-back (paused)', status: 2 },
		// Used by workflows/survey-feedback.json.
		'Promoter Referral',
	],
	contacts: [
		{
			email: 'ada@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			phone: '+1 555-010-0001',
			tags: ['customer', 'promoter'],
			lists: ['Newsletter', 'Product Updates', 'Customers'],
			fieldValues: {
				COMPANY_SIZE: '120',
				INTEREST: ['Analytics', 'Automation'],
				INDUSTRY: 'Education',
				CASPIO_RECORD_ID: 'CR-0001',
				NPS_SCORE: '10',
			},
			automations: ['Onboarding'],
		},
		{
			email: 'grace@example.com',
			firstName: 'Grace',
			lastName: 'Hopper',
			phone: '+1 555-010-0002',
			tags: ['webinar-2026', 'hot-lead'],
			lists: ['Events', 'Webinar 2026'],
			fieldValues: { SESSION: 'Morning keynote', DIETARY: 'Vegetarian', CASPIO_RECORD_ID: 'CR-0002', EVENT_DATE: '2026-11-27' },
			automations: ['Event Reminder', 'Lead Nurture – Hot'],
		},
		{
			email: 'alan@example.com',
			firstName: 'Alan',
			lastName: 'Turing',
			tags: ['warm-lead', 'passive'],
			lists: [{ list: 'Newsletter', status: 2 }, 'Product Updates'],
			fieldValues: { COMPANY_SIZE: '15', INTEREST: ['Integrations'], NPS_SCORE: '7' },
		},
		{
			email: 'katherine@example.com',
			firstName: 'Katherine',
			lastName: 'Johnson',
			tags: ['cold-lead'],
		},
	],
	eventTracking: { enabled: true, events: ['webinar_registered', 'form_submitted', 'nps_submitted'] },
	accountFields: [
		{ fieldLabel: 'Employees', fieldType: 'number' },
		{ fieldLabel: 'Tier', fieldType: 'dropdown', fieldOptions: ['Gold', 'Silver', 'Bronze'] },
	],
	accounts: [
		{
			name: 'Analytical Engines Ltd',
			accountUrl: 'https://engines.example',
			fields: { Employees: '120', Tier: 'Gold' },
			contacts: [{ email: 'ada@example.com', jobTitle: 'Founder' }],
		},
	],
};
