import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { setListStatus } from '../../associations';
import type { ExecutionCache } from '../../cache';
import { parseContactRef, requireText } from '../../helpers/input';
import { resolveList } from '../../lookups/catalogs';
import { resolveContactId } from '../../lookups/contacts';
import { contactRef } from '../common.descriptions';
import { listField } from './subscribe.operation';

export const description = updateDisplayOptions({ show: { resource: ['list'], operation: ['unsubscribe'] } }, [contactRef, listField]);

/** Unsubscribes a contact from a list given by name or id; returns the contactList association. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const list = await resolveList(cache, requireText(this, itemIndex, this.getNodeParameter('list', itemIndex), 'List'), itemIndex);
	const contactId = await resolveContactId(cache, ref, itemIndex);
	return await setListStatus.call(this, contactId, list, 2);
}
