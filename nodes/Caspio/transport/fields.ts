import type { IExecuteFunctions } from 'n8n-workflow';

import { memoOf } from '../../shared/cache';
import type { RequestContext } from '../../shared/http';
import type { CaspioField } from '../helpers/fieldTypes';
import { caspioRequest, type CaspioResult } from './index';

/** The field definitions of a table or view (a directory's are those of the table named after it). */
export async function fetchFields(this: RequestContext, kind: 'tables' | 'views', name: string): Promise<CaspioField[]> {
	const response = await caspioRequest.call<RequestContext, Parameters<typeof caspioRequest>, Promise<CaspioResult<CaspioField>>>(this, {
		method: 'GET',
		path: `/${kind}/${encodeURIComponent(name)}/fields`,
		what: `reading the fields of ${kind === 'tables' ? 'table' : 'view'} "${name}"`,
	});
	return response.Result ?? [];
}

/** One `/fields` request per table and execution, however many items the node processes. */
export async function tableFields(this: IExecuteFunctions, kind: 'tables' | 'views', name: string): Promise<CaspioField[]> {
	return await memoOf(this).once(`caspio:fields:${kind}/${name.toLowerCase()}`, async () => await fetchFields.call(this, kind, name));
}
