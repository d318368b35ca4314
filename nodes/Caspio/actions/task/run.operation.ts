import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { answeredWith, asNodeError, forItem } from '../../../shared/errors';
import { readUntilSettled, type SettlePolicy } from '../../../shared/retry';
import { isRunning, outcomeOf, runFinished } from '../../helpers/tasks';
import { fetchTask, startTask, type TaskInfo } from '../../transport/tasks';
import { chosenTask, taskLocator } from './task.descriptions';

const properties: INodeProperties[] = [
	taskLocator,
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			"Whether to wait until the run has finished and return how it ended; otherwise the node goes on as soon as Caspio has started the task. While waiting, the task's status is read every few seconds (each read counts as an API call).",
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 300,
		description: 'How long to wait for the run to finish before the node reports that it is still running',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['run'] } }, properties);

/** Reads every 2 s at first, then less often (up to every 15 s): a long import is not worth hundreds of reads. */
const pollingPolicy = (timeoutSeconds: number): SettlePolicy => ({ firstDelayMs: 2000, maxDelayMs: 15_000, timeoutMs: timeoutSeconds * 1000 });

function alreadyRunning(this: IExecuteFunctions, itemIndex: number, task: TaskInfo): NodeOperationError {
	return new NodeOperationError(this.getNode(), forItem(`Task "${task.Name}" is already running (status "${task.Status}"), so it was not started again`, itemIndex), {
		itemIndex,
		description:
			'Caspio runs a task once at a time. Wait until the Get operation shows the status "Ready", then run it again; with "On Error: Continue (using error output)" the workflow goes on meanwhile.',
	});
}

/**
 * Starts a task, refusing when a run is already going (Caspio's answer to a second start is undocumented: it may
 * refuse it or ignore it, so the status is read first), and with Wait for Completion reads the status until the run
 * has finished.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const task = await chosenTask.call(this, itemIndex);
	if (isRunning(task.Status)) throw alreadyRunning.call(this, itemIndex, task);
	try {
		await startTask.call(this, task);
	} catch (error) {
		// A run that began between the read and the start is refused with 400 (or 409): say so in the same words.
		if (answeredWith(error, 400, 409)) {
			const now = await fetchTask.call(this, task.ExternalKey);
			if (isRunning(now.Status)) throw alreadyRunning.call(this, itemIndex, now);
		}
		throw asNodeError(this.getNode(), error, itemIndex);
	}
	const started = { Name: task.Name, ExternalKey: task.ExternalKey };
	if (!(this.getNodeParameter('waitForCompletion', itemIndex, false) as boolean)) return { ...started, outcome: 'started' };

	const timeout = this.getNodeParameter('timeout', itemIndex, 300) as number;
	const since = Date.now();
	const { answer, settled } = await readUntilSettled(pollingPolicy(timeout), async () => await fetchTask.call(this, task.ExternalKey), runFinished());
	const waitedSeconds = Math.round((Date.now() - since) / 1000);
	if (!settled) {
		throw new NodeOperationError(this.getNode(), forItem(`Task "${task.Name}" was still running (status "${answer.Status}") after ${timeout} s of waiting`, itemIndex), {
			itemIndex,
			description: 'The run goes on in Caspio. Raise "Timeout (Seconds)", or check the task later with the Get operation.',
		});
	}
	const outcome = outcomeOf(answer);
	if (outcome === 'failed') {
		throw new NodeOperationError(this.getNode(), forItem(`Task "${task.Name}" finished, but Caspio reports that the run failed`, itemIndex), {
			itemIndex,
			description: "See the task's log in Caspio (Tools → Data import/export tasks) for the reason, e.g. a source file that was missing or malformed.",
		});
	}
	return { ...answer, outcome, waitedSeconds };
}
