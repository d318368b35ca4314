import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fetchDirectories } from '../../transport/directories';

/** Every directory of the account, with its ID and number of users. */
export async function execute(this: IExecuteFunctions): Promise<IDataObject[]> {
	return (await fetchDirectories.call(this)) as unknown as IDataObject[];
}
