import type { Ctx } from '../context';
import { type Api, contactChildren, envelope, message, notFound, ok, page } from '../http';
import { automationView, contactAutomationView, contactView } from '../views';

/** Automations are fixtures (seeded); contacts are enrolled and removed through contactAutomations (§4.5). */
export function automationRoutes(api: Api, ctx: Ctx): void {
	api.get('/automations', (req) => {
		const { items, total } = page(req, ctx.store.automations.all());
		return ok({
			automations: items.map((a) => automationView(ctx, a)),
			meta: { total, starts: [], filtered: false, smsLogs: [] },
		});
	});

	api.get('/automations/:id', (req) => {
		const automation = ctx.store.automations.get(req.params.id);
		if (!automation) return notFound('Series', req.params.id);
		return ok({ automation: automationView(ctx, automation) });
	});

	api.post('/contactAutomations', (req) => {
		const input = envelope(req, 'contactAutomation');
		const contact = ctx.store.contacts.get(input.contact);
		const automation = ctx.store.automations.get(input.automation);
		// The spec documents one 403 for every refusal, inactive automations included.
		if (!contact || !automation || automation.status !== 1) return message(403, 'Could not create SubscriberSeries');
		automation.entered++;
		const link = ctx.store.contactAutomations.insert({ contact: contact.id, automation: automation.id, adddate: Date.now() });
		return ok({ contacts: [contactView(ctx, contact)], contactAutomation: contactAutomationView(ctx, link) }, 201);
	});

	api.get('/contactAutomations', (req) => {
		const { items, total } = page(req, ctx.store.contactAutomations.all());
		return ok({ contactAutomations: items.map((ca) => contactAutomationView(ctx, ca)), meta: { total } });
	});

	api.get('/contactAutomations/:id', (req) => {
		const link = ctx.store.contactAutomations.get(req.params.id);
		if (!link) return notFound('SubscriberSeries', req.params.id);
		return ok({ contactAutomation: contactAutomationView(ctx, link) });
	});

	// Quirk kept from the spec: a missing association answers 403.
	api.delete('/contactAutomations/:id', (req) => {
		const link = ctx.store.contactAutomations.get(req.params.id);
		if (!link) return notFound('SubscriberSeries', req.params.id, 403);
		ctx.store.contactAutomations.delete(link.id);
		const automation = ctx.store.automations.get(link.automation);
		if (automation) automation.exited++;
		return ok({});
	});

	contactChildren(api, ctx, 'contactAutomations', (id) =>
		ctx.store.contactAutomations.where((ca) => ca.contact === id).map((ca) => contactAutomationView(ctx, ca)),
	);
}
