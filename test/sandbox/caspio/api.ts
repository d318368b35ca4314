import { Router, type SandboxRequest, type SandboxResponse } from '../server';
import { ATTACHMENT_LINK_PATH } from './attachmentLinks';
import { directoryRoutes } from './directories';
import { CaspioError, guarded } from './errors';
import { describeField } from './fields';
import { fileRoutes } from './files';
import { listRecords, qParam, tableSource, viewSource } from './query';
import type { CaspioService } from './service';
import { v4Routes } from './v4';
import { taskRoutes } from './tasks';
import { viewAttachmentRoutes } from './viewAttachments';

export const TOKEN_PATH = '/oauth/token';
/** v3 is the documented target; v2 paths answer the same where the shapes agree (§0, §11.2). */
const BASES = ['/integrations/rest/v3', '/rest/v2'];

const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });
const wantsRows = (req: SandboxRequest) => qParam(req.query, 'response')?.toLowerCase() === 'rows';

/** The Caspio REST routes (§2): tables, fields, records, views, files, attachments, directories and outgoing webhooks, plus the token endpoint. */
export function apiRoutes(service: CaspioService): Router {
	const { store, webhooks } = service;
	const router = new Router();
	router.add('POST', TOKEN_PATH, guarded((req) => ok(service.tokens.grant(req, service.behaviour, service.tokenTtlSeconds()))), {
		caseInsensitive: true,
	});
	const add = (method: string, path: string, handler: (req: SandboxRequest) => SandboxResponse) => {
		for (const base of BASES) router.add(method, base + path, guarded(handler), { caseInsensitive: true });
	};

	add('GET', '/tables', () => ok({ Result: store.tableNames() }));
	add('GET', '/tables/:table', (req) => {
		const table = store.table(req.params.table);
		return ok({ Result: { Name: table.name, Note: table.note } });
	});
	// PK_ID is not part of the field list, though every record has it (§3.1).
	add('GET', '/tables/:table/fields', (req) => ok({ Result: store.table(req.params.table).fields.map(describeField) }));
	add('GET', '/tables/:table/fields/:field', (req) => {
		const field = store.field(store.table(req.params.table), req.params.field);
		if (!field) throw new CaspioError(404, 'FieldNotFound', `Field '${req.params.field}' does not exist.`);
		return ok({ Result: describeField(field) });
	});
	add('GET', '/tables/:table/passwordFields', (req) => {
		const fields = store.table(req.params.table).fields.filter((f) => f.Type === 'PASSWORD');
		return ok({ Result: fields.map((f) => f.Name) });
	});

	add('GET', '/tables/:table/records', (req) => ok(listRecords(tableSource(store.table(req.params.table)), req.query, service.behaviour)));
	// One JSON object per POST: 201 with the new PK_ID as the Location's last segment, or the row with response=rows (§4.2).
	add('POST', '/tables/:table/records', (req) => {
		const record = service.insert(req.params.table, req.body, 'RESTAPIs');
		if (wantsRows(req)) return ok({ Result: [record] }, 201);
		const location = `http://${req.headers.host ?? 'localhost'}${req.path.replace(/\/$/, '')}/${String(record.PK_ID)}`;
		return { status: 201, headers: { Location: location } };
	});
	add('PUT', '/tables/:table/records', (req) => {
		const rows = service.update(req.params.table, qParam(req.query, 'where'), req.body, 'RESTAPIs');
		return ok({ RecordsAffected: rows.length, Result: wantsRows(req) ? rows : [] });
	});
	add('DELETE', '/tables/:table/records', (req) =>
		ok({ RecordsAffected: service.remove(req.params.table, qParam(req.query, 'where'), 'RESTAPIs') }),
	);

	add('GET', '/views', () => ok({ Result: store.viewNames() }));
	add('GET', '/views/:view', (req) => {
		const view = store.view(req.params.view);
		return ok({ Result: { Name: view.name, Note: '' } });
	});
	add('GET', '/views/:view/fields', (req) => {
		const view = store.view(req.params.view);
		const table = store.table(view.table);
		const chosen = view.fields?.map((f) => f.toLowerCase());
		const fields = table.fields.filter((f) => f.Type !== 'PASSWORD' && (!chosen || chosen.includes(f.Name.toLowerCase())));
		return ok({ Result: fields.map((f) => ({ ...describeField(f), TableFieldName: `${table.name}.${f.Name}` })) });
	});
	add('GET', '/views/:view/records', (req) => {
		const view = store.view(req.params.view);
		return ok(listRecords(viewSource(view, store.table(view.table)), req.query, service.behaviour));
	});

	v4Routes(service, router);
	fileRoutes(service, add);
	directoryRoutes(service, add);
	taskRoutes(service.tasks, () => service.behaviour, add);
	viewAttachmentRoutes(service, add);
	router.add('GET', ATTACHMENT_LINK_PATH, guarded((req) => service.attachmentLinks.download(req.params.token)));

	// Webhook objects come back bare from create and update, and wrapped in Result from the GETs (§7.2).
	add('GET', '/outgoingWebhooks', () => ok({ Result: webhooks.list() }));
	add('POST', '/outgoingWebhooks', (req) => ok(webhooks.create(req.body, service.behaviour), 201));
	add('GET', '/outgoingWebhooks/:id', (req) => ok({ Result: webhooks.get(req.params.id) }));
	add('PUT', '/outgoingWebhooks/:id', (req) => ok(webhooks.update(req.params.id, req.body, service.behaviour)));
	add('DELETE', '/outgoingWebhooks/:id', (req) => {
		webhooks.remove(req.params.id);
		return { status: 200 };
	});
	add('GET', '/outgoingWebhooks/:id/events', (req) => ok({ Result: webhooks.listEvents(req.params.id) }));
	add('POST', '/outgoingWebhooks/:id/events', (req) => ok(webhooks.createEvent(req.params.id, req.body), 201));
	add('GET', '/outgoingWebhooks/:id/events/:eventId', (req) => ok({ Result: webhooks.getEvent(req.params.id, req.params.eventId) }));
	add('PUT', '/outgoingWebhooks/:id/events/:eventId', (req) => ok(webhooks.updateEvent(req.params.id, req.params.eventId, req.body)));
	add('DELETE', '/outgoingWebhooks/:id/events/:eventId', (req) => {
		webhooks.removeEvent(req.params.id, req.params.eventId);
		return { status: 200 };
	});
	return router;
}
