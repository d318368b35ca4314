import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { activeCampaignRequest } from '../../transport';
import { contactRef } from '../common.descriptions';
import { automationField, readContactAndAutomation } from './addContact.operation';

export const description = updateDisplayOptions({ show: { resource: ['automation'], operation: ['removeContact'] } }, [
	contactRef,
	automationField,
]);

/** Takes a contact out of an automation; finds the contactAutomation association itself. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const { contactId, automation } = await readContactAndAutomation.call(this, itemIndex, cache);
	const response = await activeCampaignRequest.call(this, {
		method: 'GET',
		path: `/contacts/${contactId}/contactAutomations`,
		what: `reading the automations of contact ${contactId}`,
	});
	const links = ((response.contactAutomations as IDataObject[] | undefined) ?? []).filter(
		(ca) => String(ca.automation ?? ca.seriesid) === automation.id,
	);
	for (const link of links) {
		await activeCampaignRequest.call(this, {
			method: 'DELETE',
			path: `/contactAutomations/${String(link.id)}`,
			what: `removing contact ${contactId} from automation "${automation.name}"`,
		});
	}
	// Not being in the automation is the wanted end state, so it is reported rather than raised.
	return { contact: contactId, automation: automation.id, automationName: automation.name, removed: links.length > 0 };
}
