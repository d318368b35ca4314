/** Demo data for `npm run sandbox` and the workflow templates: a lead form, event registrations, email preferences. */
export function demoSeed() {
	return {
		tables: [
			{
				name: 'Leads',
				note: 'Leads captured by the website contact form',
				fields: [
					{ Name: 'First_Name', Type: 'STRING' },
					{ Name: 'Last_Name', Type: 'STRING' },
					{ Name: 'Email', Type: 'STRING', Unique: true },
					{ Name: 'Phone', Type: 'STRING' },
					{ Name: 'Company', Type: 'STRING' },
					{ Name: 'Company_Size', Type: 'NUMBER' },
					{ Name: 'Interest', Type: 'STRING' },
					{ Name: 'Readiness', Type: 'STRING' },
					{ Name: 'Consent', Type: 'YES/NO' },
					{ Name: 'Notes', Type: 'TEXT' },
					{ Name: 'AC_Contact_ID', Type: 'STRING' },
					{ Name: 'Sync_Status', Type: 'STRING' },
					{ Name: 'Synced_At', Type: 'DATE/TIME' },
					{ Name: 'Created', Type: 'TIMESTAMP' },
					{ Name: 'Updated', Type: 'TIMESTAMP', OnUpdate: true },
				],
				records: [
					lead('Ada', 'Lovelace', 'ada@example.com', 'Analytical Engines Ltd', 12, 'Automation', 'Ready to buy', true, '2026-01-05T09:12:00'),
					lead('Grace', 'Hopper', 'grace@example.com', 'Compiler Co', 250, 'Integrations', 'Evaluating', true, '2026-01-06T14:30:00'),
					lead('Alan', 'Turing', 'alan@example.com', 'Bletchley Partners', 40, 'Reporting', 'Researching', false, '2026-01-07T08:05:00'),
					lead('Katherine', 'Johnson', 'katherine@example.com', 'Orbital Math', 8, 'Automation', 'Ready to buy', true, '2026-01-08T16:45:00'),
					lead('Linus', "O'Neil", 'linus@example.com', 'Kernel & Sons', 1200, 'Integrations', 'Evaluating', true, '2026-01-09T11:20:00'),
					lead('Margaret', 'Hamilton', 'margaret@example.com', 'Apollo Software', 60, 'Reporting', 'Researching', false, '2026-01-10T10:00:00'),
				],
			},
			{
				name: 'Registrations',
				note: 'Event registrations from the events DataPage',
				fields: [
					{ Name: 'Email', Type: 'STRING' },
					{ Name: 'Name', Type: 'STRING' },
					{ Name: 'Event_Name', Type: 'STRING' },
					{ Name: 'Session', Type: 'STRING' },
					{ Name: 'Dietary', Type: 'STRING' },
					{ Name: 'Status', Type: 'STRING' },
					{ Name: 'Registered_On', Type: 'DATE/TIME' },
					{ Name: 'AC_Contact_ID', Type: 'STRING' },
					{ Name: 'Sync_Status', Type: 'STRING' },
					{ Name: 'Created', Type: 'TIMESTAMP' },
				],
				records: [
					registration('ada@example.com', 'Ada Lovelace', 'Morning', 'Vegetarian', 'Registered', '2026-02-01T10:00:00'),
					registration('grace@example.com', 'Grace Hopper', 'Afternoon', '', 'Registered', '2026-02-02T12:15:00'),
					registration('alan@example.com', 'Alan Turing', 'Morning', 'Vegan', 'Cancelled', '2026-02-03T09:40:00'),
					registration('katherine@example.com', 'Katherine Johnson', 'Afternoon', 'Gluten-free', 'Attended', '2026-02-04T15:05:00'),
					registration('dennis@example.com', 'Dennis Ritchie', 'Morning', '', 'Registered', '2026-02-05T08:30:00'),
				],
			},
			{
				name: 'Preferences',
				note: 'Email preference centre',
				fields: [
					{ Name: 'Email', Type: 'STRING', Unique: true },
					{ Name: 'Newsletter', Type: 'YES/NO' },
					{ Name: 'Product_Updates', Type: 'YES/NO' },
					{ Name: 'Events', Type: 'YES/NO' },
					{ Name: 'Unsubscribed_All', Type: 'YES/NO' },
					{ Name: 'AC_Contact_ID', Type: 'STRING' },
					{ Name: 'Updated', Type: 'TIMESTAMP', OnUpdate: true },
				],
				records: [
					preference('ada@example.com', true, true, true, false, '2026-03-01T09:00:00'),
					preference('grace@example.com', true, false, true, false, '2026-03-02T09:00:00'),
					preference('alan@example.com', false, false, false, true, '2026-03-03T09:00:00'),
					preference('katherine@example.com', false, true, false, false, '2026-03-04T09:00:00'),
				],
			},
			// Tables the onboarding, survey, download and application templates (workflows/*.json) watch.
			{
				name: 'Onboarding',
				note: 'Customer onboarding milestones',
				fields: [
					{ Name: 'Email', Type: 'STRING', Unique: true },
					{ Name: 'Name', Type: 'STRING' },
					{ Name: 'Plan', Type: 'STRING' },
					{ Name: 'Milestone', Type: 'STRING' },
					{ Name: 'Updated', Type: 'TIMESTAMP', OnUpdate: true },
				],
				records: [
					{ Email: 'ada@example.com', Name: 'Ada Lovelace', Plan: 'Team', Milestone: 'First Workflow', Updated: '2026-03-05T09:00:00' },
					{ Email: 'grace@example.com', Name: 'Grace Hopper', Plan: 'Starter', Milestone: 'Account Created', Updated: '2026-03-06T09:00:00' },
				],
			},
			{
				name: 'Surveys',
				note: 'NPS survey responses',
				fields: [
					{ Name: 'Email', Type: 'STRING' },
					{ Name: 'Name', Type: 'STRING' },
					{ Name: 'NPS_Score', Type: 'NUMBER' },
					{ Name: 'Comment', Type: 'TEXT' },
					{ Name: 'Submitted', Type: 'TIMESTAMP' },
				],
				records: [
					{ Email: 'ada@example.com', Name: 'Ada Lovelace', NPS_Score: 10, Comment: 'Love it', Submitted: '2026-03-10T09:00:00' },
					{ Email: 'alan@example.com', Name: 'Alan Turing', NPS_Score: 7, Comment: '', Submitted: '2026-03-11T09:00:00' },
				],
			},
			{
				name: 'Downloads',
				note: 'Gated content downloads',
				fields: [
					{ Name: 'Email', Type: 'STRING' },
					{ Name: 'Name', Type: 'STRING' },
					{ Name: 'Asset', Type: 'STRING' },
					{ Name: 'Topic', Type: 'STRING' },
					{ Name: 'Downloaded_At', Type: 'TIMESTAMP' },
				],
				records: [{ Email: 'grace@example.com', Name: 'Grace Hopper', Asset: 'Integration Checklist', Topic: 'Integrations', Downloaded_At: '2026-03-12T09:00:00' }],
			},
			{
				name: 'Applications',
				note: 'Program applications and their review status',
				fields: [
					{ Name: 'Email', Type: 'STRING', Unique: true },
					{ Name: 'Name', Type: 'STRING' },
					{ Name: 'Program', Type: 'STRING' },
					{ Name: 'Status', Type: 'STRING' },
					{ Name: 'Updated', Type: 'TIMESTAMP', OnUpdate: true },
				],
				records: [{ Email: 'katherine@example.com', Name: 'Katherine Johnson', Program: 'Fellowship 2026', Status: 'Submitted', Updated: '2026-03-15T09:00:00' }],
			},
			// workflows/contact-profile-sync.json: the profile synced both ways, and the losing values of conflicts.
			{
				name: 'Contacts',
				note: 'Contact profiles kept in sync with ActiveCampaign',
				fields: [
					{ Name: 'Email', Type: 'STRING', Unique: true },
					{ Name: 'First_Name', Type: 'STRING' },
					{ Name: 'Last_Name', Type: 'STRING' },
					{ Name: 'Phone', Type: 'STRING' },
					{ Name: 'Company', Type: 'STRING' },
					{ Name: 'Job_Title', Type: 'STRING' },
					{ Name: 'Membership_Level', Type: 'STRING' },
					{ Name: 'AC_Contact_ID', Type: 'STRING' },
					{ Name: 'Sync_Base', Type: 'TEXT' },
					{ Name: 'Sync_Hash', Type: 'STRING' },
					{ Name: 'Synced_At', Type: 'DATE/TIME' },
					{ Name: 'Updated', Type: 'TIMESTAMP', OnUpdate: true },
				],
				records: [
					{ Email: 'mae@example.com', First_Name: 'Mae', Last_Name: 'Jemison', Phone: '+1 555-010-0101', Company: 'Orbital Health', Job_Title: 'Founder', Membership_Level: 'Gold', Updated: '2026-02-01T10:00:00' },
					{ Email: 'edsger@example.com', First_Name: 'Edsger', Last_Name: 'Dijkstra', Phone: null, Company: 'Shortest Path BV', Job_Title: 'Researcher', Membership_Level: 'Silver', Updated: '2026-02-02T10:00:00' },
				],
			},
			{
				name: 'Sync_Conflicts',
				note: 'Fields changed on both sides between two syncs: the value kept and the value lost',
				fields: [
					{ Name: 'Conflict_Key', Type: 'STRING', Unique: true },
					{ Name: 'Email', Type: 'STRING' },
					{ Name: 'Field', Type: 'STRING' },
					{ Name: 'Policy', Type: 'STRING' },
					{ Name: 'Kept_Side', Type: 'STRING' },
					{ Name: 'Kept_Value', Type: 'STRING' },
					{ Name: 'Lost_Value', Type: 'STRING' },
					{ Name: 'Caspio_Changed_At', Type: 'STRING' },
					{ Name: 'AC_Changed_At', Type: 'STRING' },
					{ Name: 'Recorded', Type: 'TIMESTAMP' },
				],
				records: [],
			},
			// workflows/sync-errors.json writes each failed sync here; replay-failed-syncs.json resolves them.
			{
				name: 'Sync_Errors',
				note: 'Failed sync executions: one row per execution and record, open until a replay resolves it',
				fields: [
					{ Name: 'Error_Key', Type: 'STRING', Unique: true },
					{ Name: 'Execution_ID', Type: 'STRING' },
					{ Name: 'Workflow_ID', Type: 'STRING' },
					{ Name: 'Workflow_Name', Type: 'STRING' },
					{ Name: 'Node', Type: 'STRING' },
					{ Name: 'Record_Key', Type: 'STRING' },
					{ Name: 'Message', Type: 'TEXT' },
					{ Name: 'Failed_Item', Type: 'TEXT' },
					{ Name: 'Execution_URL', Type: 'STRING' },
					{ Name: 'Status', Type: 'STRING' },
					{ Name: 'Attempts', Type: 'NUMBER' },
					{ Name: 'Last_Error', Type: 'TEXT' },
					{ Name: 'Occurred_At', Type: 'DATE/TIME' },
					{ Name: 'Resolved_At', Type: 'DATE/TIME' },
					{ Name: 'Created', Type: 'TIMESTAMP' },
				],
				records: [],
			},
		],
		views: [{ name: 'Leads_Ready', table: 'Leads', where: "Readiness = 'Ready to buy'" }],
	};
}

function lead(
	First_Name: string,
	Last_Name: string,
	Email: string,
	Company: string,
	Company_Size: number,
	Interest: string,
	Readiness: string,
	Consent: boolean,
	Created: string,
) {
	return {
		First_Name,
		Last_Name,
		Email,
		Phone: null,
		Company,
		Company_Size,
		Interest,
		Readiness,
		Consent,
		Notes: '',
		AC_Contact_ID: null,
		Sync_Status: 'Pending',
		Synced_At: null,
		Created,
		Updated: Created,
	};
}

function registration(Email: string, Name: string, Session: string, Dietary: string, Status: string, Registered_On: string) {
	const Event_Name = 'Automation Summit 2026';
	return { Email, Name, Event_Name, Session, Dietary, Status, Registered_On, AC_Contact_ID: null, Sync_Status: 'Pending', Created: Registered_On };
}

function preference(
	Email: string,
	Newsletter: boolean,
	Product_Updates: boolean,
	Events: boolean,
	Unsubscribed_All: boolean,
	Updated: string,
) {
	return { Email, Newsletter, Product_Updates, Events, Unsubscribed_All, AC_Contact_ID: null, Updated };
}
