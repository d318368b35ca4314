import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { buildWhere } from './where';

/** The item's Record ID as a whole number, and the `PK_ID = n` filter built by the safe builder. */
export function recordIdFilter(this: IExecuteFunctions, itemIndex: number): { recordId: number; where: string } {
	const raw = String(this.getNodeParameter('recordId', itemIndex, '') ?? '').trim();
	const built = /^\d+$/.test(raw) ? buildWhere([{ field: 'PK_ID', operator: 'equals', value: raw }]) : undefined;
	if (built?.where === undefined) {
		throw inputError(this.getNode(), itemIndex, `Record ID must be a whole number (PK_ID), got "${raw}"`, 'Enter the PK_ID of the record, e.g. 42.');
	}
	return { recordId: Number(raw), where: built.where };
}
