import { contactStates } from '../activecampaign/admin';
import type { Ctx } from '../activecampaign/context';
import { CaspioError, guarded } from '../caspio/errors';
import { describeField } from '../caspio/fields';
import type { CaspioService } from '../caspio/service';
import { publicRow } from '../caspio/store';
import type { EventSource } from '../caspio/webhooks';
import type { Router } from '../server';
import { consolePage } from './page';

/**
 * The sandbox console: one page served by the Caspio sandbox, reading Caspio tables from its own server and
 * ActiveCampaign contacts from the ActiveCampaign sandbox (a read-only JSON route with CORS open to any origin).
 */
export const CONSOLE_PATH = '/__sandbox/console';

/** The console's form stands for a person submitting a DataPage, so its writes fire the webhooks of that source. */
const FORM_SOURCE: EventSource = 'DataPages';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const badBody = (message: string) => new CaspioError(400, 'IncorrectBodyParameter', message);

/** Every table with its fields (what the form is built from) and its records as the REST API reads them back. */
function tablesView(service: CaspioService) {
	return service.store.tableNames().map((name) => {
		const table = service.store.table(name);
		return {
			name: table.name,
			note: table.note,
			fields: table.fields
				.filter((f) => f.Type !== 'PASSWORD')
				.map((f) => ({
					name: f.Name,
					label: f.Label,
					type: f.Type,
					editable: describeField(f).Editable,
					required: f.Required,
					...(f.ListField ? { items: f.ListField } : {}),
				})),
			records: table.rows.map((row) => publicRow(table, row)),
		};
	});
}

/**
 * Form values as a DataPage submits them: a blank input leaves the field out of a new record and clears it in a
 * changed one; everything else is typed by the table's field, as a REST write would be.
 */
function formValues(values: unknown, blank: 'omit' | 'clear'): Record<string, unknown> {
	if (!isObject(values)) throw badBody('values must be an object of field name → value.');
	const entries = Object.entries(values).filter(([, v]) => blank === 'clear' || (v !== '' && v !== null));
	return Object.fromEntries(entries.map(([k, v]) => [k, v === '' ? null : v]));
}

/** `POST {table, values}` adds a record; `POST {table, pk, values}` changes record `pk`. */
function submit(service: CaspioService, body: unknown) {
	const { table, pk, values } = isObject(body) ? body : {};
	if (typeof table !== 'string' || table === '') throw badBody('table is required.');
	if (pk === undefined) {
		return { status: 201, body: { record: service.insert(table, formValues(values, 'omit'), FORM_SOURCE) } };
	}
	if (!Number.isInteger(Number(pk)) || Number(pk) <= 0) throw badBody('pk must be a record PK_ID.');
	const [record] = service.update(table, `PK_ID = ${Number(pk)}`, formValues(values, 'clear'), FORM_SOURCE);
	if (!record) throw new CaspioError(404, 'ObjectNotFound', `Table '${table}' has no record with PK_ID ${Number(pk)}.`);
	return { status: 200, body: { record } };
}

/** Caspio side: the page, the tables it shows, and the form's write. */
export function caspioConsoleRoutes(router: Router, service: CaspioService, activeCampaignUrl: string | undefined): Router {
	const noStore = { 'cache-control': 'no-store' };
	return router
		.add('GET', CONSOLE_PATH, () => ({
			status: 200,
			headers: { 'content-type': 'text/html; charset=utf-8', ...noStore },
			body: consolePage(activeCampaignUrl),
		}))
		.add('GET', `${CONSOLE_PATH}/tables`, () => ({ status: 200, headers: noStore, body: { tables: tablesView(service) } }))
		.add('POST', `${CONSOLE_PATH}/records`, guarded((req) => submit(service, req.body)));
}

/** ActiveCampaign side: the contacts with everything a workflow may have set on them, readable from the console's origin. */
export function activeCampaignConsoleRoutes(router: Router, ctx: Ctx): Router {
	return router.add('GET', `${CONSOLE_PATH}/contacts`, () => ({
		status: 200,
		headers: { 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
		body: {
			contacts: contactStates(ctx),
			fieldTitles: Object.fromEntries(ctx.store.fields.all().map((f) => [f.perstag, f.title])),
		},
	}));
}
