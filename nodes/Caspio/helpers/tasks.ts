/**
 * What a data import/export task's `Status` says: `Busy` (analysing before it starts) and `Processing` (running) mean
 * a run is going; `Ready` means none is.
 * https://howto.caspio.com/tables-and-views/scheduled-import-and-export/scheduled-import-task/
 */
export const isRunning = (status: unknown): boolean => typeof status === 'string' && ['busy', 'processing'].includes(status.toLowerCase());

/**
 * When a wait after starting a run may stop: the task is Ready again and either was seen running, or Ready was read
 * twice. Caspio starts runs asynchronously, so the first read after a start may still show the Ready from before it.
 */
export function runFinished(): (task: { Status?: unknown }) => boolean {
	let sawRunning = false;
	let readyReads = 0;
	return (task) => {
		if (isRunning(task.Status)) {
			sawRunning = true;
			return false;
		}
		readyReads++;
		return sawRunning || readyReads >= 2;
	};
}

/** How a finished run ended: `Success` (REST v2 reported it; v3 may not) decides, else it simply completed. */
export function outcomeOf(task: { Success?: unknown }): 'succeeded' | 'failed' | 'completed' {
	if (task.Success === true) return 'succeeded';
	if (task.Success === false) return 'failed';
	return 'completed';
}
