import type { IExecuteFunctions } from 'n8n-workflow';

import { memoOf } from '../../shared/cache';
import type { RequestContext } from '../../shared/http';
import { caspioRequest, type CaspioResult } from './index';

/**
 * A directory as `GET /directories` lists it (directories are new in REST v3:
 * https://howto.caspio.com/integrate-your-apps/web-services-api/migration-rest-api-v2-to-rest-api-v3).
 */
export interface DirectoryInfo {
	Id: string;
	Name: string;
	NumberOfUsers?: number;
}

export async function fetchDirectories(this: RequestContext): Promise<DirectoryInfo[]> {
	const response = (await caspioRequest.call(this, { method: 'GET', path: '/directories', what: 'listing directories' })) as unknown as CaspioResult<DirectoryInfo>;
	return response.Result ?? [];
}

/** One `/directories` request per execution, however many items ask which directory an ID names. */
export async function executionDirectories(this: IExecuteFunctions): Promise<DirectoryInfo[]> {
	return await memoOf(this).once('caspio:directories', async () => await fetchDirectories.call(this));
}

/** The directory with this ID (compared without case), from a list already read. */
export function directoryById(directories: DirectoryInfo[], id: string): DirectoryInfo | undefined {
	return directories.find((d) => String(d.Id).toLowerCase() === id.toLowerCase());
}

/** `/directories/{id}/users`: where a directory's users are read, written and deleted. */
export const directoryUsersPath = (directory: DirectoryInfo) => `/directories/${encodeURIComponent(String(directory.Id))}/users`;
