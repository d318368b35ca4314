import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import type { AutomationInfo } from '../../helpers/catalog';
import { parseContactRef, requireText } from '../../helpers/input';
import { resolveAutomation } from '../../lookups/catalogs';
import { resolveContactId } from '../../lookups/contacts';
import { activeCampaignRequest } from '../../transport';
import { contactRef } from '../common.descriptions';

export const automationField: INodeProperties = {
	displayName: 'Automation Name or ID',
	name: 'automation',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getAutomations' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify a name or ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const description = updateDisplayOptions({ show: { resource: ['automation'], operation: ['addContact'] } }, [
	contactRef,
	automationField,
]);

/** The item's contact id and automation, both resolved (and checked) before anything is written. */
export async function readContactAndAutomation(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<{ contactId: string; automation: AutomationInfo }> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const automation = await resolveAutomation(cache, requireText(this, itemIndex, this.getNodeParameter('automation', itemIndex), 'Automation'), itemIndex);
	return { contactId: await resolveContactId(cache, ref, itemIndex), automation };
}

/** Enrols a contact (by email or id) in an automation (by name or id). */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const { contactId, automation } = await readContactAndAutomation.call(this, itemIndex, cache);
	const response = await activeCampaignRequest.call(this, {
		method: 'POST',
		path: '/contactAutomations',
		body: { contactAutomation: { contact: contactId, automation: automation.id } },
		what: `adding contact ${contactId} to automation "${automation.name}"`,
	});
	return { ...(response.contactAutomation as IDataObject), automationName: automation.name };
}
