import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { parseContactRef, requireText } from '../../helpers/input';
import { setListStatus } from '../../helpers/links';
import type { ExecutionCache } from '../../helpers/names';
import { contactRef } from '../common.descriptions';
import { listField } from './subscribe.operation';

export const description = updateDisplayOptions({ show: { resource: ['list'], operation: ['unsubscribe'] } }, [contactRef, listField]);

/** Unsubscribes a contact from a list given by name or id; returns the contactList association. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const list = await cache.list(requireText(this, itemIndex, this.getNodeParameter('list', itemIndex), 'List'), itemIndex);
	const contactId = await cache.contactId(ref, itemIndex);
	return await setListStatus.call(this, contactId, list, 2);
}
