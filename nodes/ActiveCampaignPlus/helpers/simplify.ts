import type { IDataObject } from 'n8n-workflow';

import { pickFields } from '../../shared/simplify';

/**
 * What Simplify keeps of a contact: who it is, how to reach them, when it changed, and its custom field values
 * (present on Get by ID). https://developers.activecampaign.com/reference/get-contact
 */
export const CONTACT_FIELDS = ['id', 'email', 'firstName', 'lastName', 'phone', 'orgname', 'cdate', 'udate', 'fieldValues'];

/** What Simplify keeps of a deal: what it is worth, where it stands, whose it is. https://developers.activecampaign.com/reference/retrieve-a-deal */
export const DEAL_FIELDS = ['id', 'title', 'value', 'currency', 'status', 'stage', 'group', 'contact', 'cdate', 'mdate'];

export const simplifyContact = (contact: IDataObject): IDataObject => pickFields(contact, CONTACT_FIELDS);

export const simplifyDeal = (deal: IDataObject): IDataObject => pickFields(deal, DEAL_FIELDS);

/** The Simplify option's hint: the fields kept, as the output names them. */
export const keepsHint = (fields: readonly string[]): string => `Keeps ${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}`;
