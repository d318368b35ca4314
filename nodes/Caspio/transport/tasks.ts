import type { RequestContext } from '../../shared/http';
import { caspioRequest } from './index';

/**
 * A data import/export task as Caspio lists it (ScheduledTaskInfo). `LastRunTime` and `Success` are what REST v2
 * returned once a task had run; v3 may omit them.
 * https://howto.caspio.com/tables-and-views/scheduled-import-and-export/scheduled-import-task/
 */
export interface TaskInfo {
	Name: string;
	ExternalKey: string;
	Status: string;
	TaskTimeZone?: string | null;
	Frequency?: string | null;
	Note?: string | null;
	LastRunTime?: string;
	Success?: boolean;
}

const taskPath = (key: string) => `/dataImportExportTasks/${encodeURIComponent(key)}`;

export async function fetchTasks(this: RequestContext): Promise<TaskInfo[]> {
	const response = await caspioRequest.call<RequestContext, Parameters<typeof caspioRequest>, Promise<{ Result?: TaskInfo[] }>>(this, {
		method: 'GET',
		path: '/dataImportExportTasks',
		what: 'listing data import/export tasks',
	});
	return response.Result ?? [];
}

export async function fetchTask(this: RequestContext, key: string): Promise<TaskInfo> {
	const response = await caspioRequest.call<RequestContext, Parameters<typeof caspioRequest>, Promise<{ Result: TaskInfo }>>(this, {
		method: 'GET',
		path: taskPath(key),
		what: `reading data import/export task ${key}`,
	});
	return response.Result;
}

/** Starts a run; Caspio answers before the task has done anything (204, or 200 in REST v2). */
export async function startTask(this: RequestContext, task: TaskInfo): Promise<void> {
	await caspioRequest.call(this, {
		method: 'POST',
		path: `${taskPath(task.ExternalKey)}/run`,
		// A resend could start a second run, so only a 429 (refused before acting) is retried.
		idempotent: false,
		what: `running data import/export task "${task.Name}"`,
	});
}
