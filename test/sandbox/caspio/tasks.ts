import { randomUUID } from 'node:crypto';

import type { SandboxRequest, SandboxResponse } from '../server';
import { CaspioError } from './errors';

/** The six keys of ScheduledTaskInfo (§14.2), all nullable strings. */
export interface ScheduledTaskInfo {
	Name: string;
	ExternalKey: string;
	Status: 'Busy' | 'Processing' | 'Ready';
	TaskTimeZone: string | null;
	Frequency: string | null;
	Note: string | null;
}

/** A data import/export task and how a run of it plays out in the sandbox. */
interface Task {
	info: Omit<ScheduledTaskInfo, 'Status'>;
	/** How long a run takes: the first quarter `Busy` (analysis), the rest `Processing` (§14.2). */
	durationMs: number;
	/** The run's outcome as v2 reported it in `Success` (§14.2). */
	fails: boolean;
	/** When the current or last run started (ms since epoch); undefined before the first run. */
	startedAt?: number;
	/** Runs the sandbox started, for tests: a refused or ignored run is not counted. */
	runs: number;
}

export interface TaskRules {
	/** UNCERTAIN §14.4: a run while the task is Busy or Processing is refused (400, or 409), or answered 204 and ignored. */
	taskRunWhileRunning: 400 | 409 | 204;
	/** UNCERTAIN §14.4: the v3 Swagger says 204 for a run; the v2 sample shows 200. */
	taskRunStatus: 200 | 204;
	/** UNCERTAIN §14.2: whether v3 task items still carry v2's `LastRunTime` and `Success` once a task has run. */
	taskRunDetails: boolean;
}

const notFound = (key: string) => new CaspioError(404, 'ObjectNotFound', `Data import/export task '${key}' does not exist.`);

/** Data import/export tasks (§14): no API creates them, so tests seed them with a run duration. */
export class Tasks {
	private tasks: Task[] = [];

	clear(): void {
		this.tasks = [];
	}

	/** `{Name, ExternalKey?, TaskTimeZone?, Frequency?, Note?, durationMs?, fails?, Status?}`; `Status: 'Processing'` seeds a run in progress. */
	seed(body: unknown): void {
		const raw = (body ?? {}) as Record<string, unknown>;
		if (typeof raw.Name !== 'string' || raw.Name === '') throw new Error('a task needs a Name');
		const task: Task = {
			info: {
				Name: raw.Name,
				ExternalKey: typeof raw.ExternalKey === 'string' ? raw.ExternalKey : randomUUID(),
				TaskTimeZone: typeof raw.TaskTimeZone === 'string' ? raw.TaskTimeZone : 'UTC',
				Frequency: typeof raw.Frequency === 'string' ? raw.Frequency : 'On demand',
				Note: typeof raw.Note === 'string' ? raw.Note : '',
			},
			durationMs: Math.max(0, Number(raw.durationMs ?? 0) || 0),
			fails: raw.fails === true,
			runs: 0,
		};
		if (raw.Status === 'Busy' || raw.Status === 'Processing') task.startedAt = Date.now() - (raw.Status === 'Processing' ? task.durationMs / 4 : 0);
		this.tasks.push(task);
	}

	list(rules: TaskRules): Record<string, unknown>[] {
		return this.tasks.map((t) => this.view(t, rules));
	}

	get(key: string, rules: TaskRules): Record<string, unknown> {
		return this.view(this.find(key), rules);
	}

	/** Starts a run; a run while one is going is refused or ignored as `taskRunWhileRunning` says (§14.4). */
	run(key: string, rules: TaskRules): SandboxResponse {
		const task = this.find(key);
		if (this.status(task) !== 'Ready') {
			if (rules.taskRunWhileRunning === 204) return { status: 204 };
			// The code is UNCERTAIN too; IncorrectQueryParameter is the 400 code Caspio uses most, and it makes a client
			// that reads it as a stale token (§1.6) resend once, which a refusal must survive.
			throw new CaspioError(rules.taskRunWhileRunning, 'IncorrectQueryParameter', `Task '${task.info.Name}' is already running.`);
		}
		task.startedAt = Date.now();
		task.runs++;
		return { status: rules.taskRunStatus };
	}

	dump() {
		return this.tasks.map((t) => ({ ...t.info, Status: this.status(t), durationMs: t.durationMs, fails: t.fails, runs: t.runs }));
	}

	private find(key: string): Task {
		const task = this.tasks.find((t) => t.info.ExternalKey.toLowerCase() === key.toLowerCase());
		if (!task) throw notFound(key);
		return task;
	}

	/** Busy for the first quarter of a run, Processing for the rest, Ready after (and before the first run). */
	private status(task: Task): ScheduledTaskInfo['Status'] {
		if (task.startedAt === undefined) return 'Ready';
		const elapsed = Date.now() - task.startedAt;
		if (elapsed >= task.durationMs) return 'Ready';
		return elapsed < task.durationMs / 4 ? 'Busy' : 'Processing';
	}

	private view(task: Task, rules: TaskRules): Record<string, unknown> {
		const Status = this.status(task);
		const details = rules.taskRunDetails && task.runs > 0 && Status === 'Ready' ? { LastRunTime: new Date(task.startedAt ?? 0).toISOString().slice(0, 19), Success: !task.fails } : {};
		return { ...task.info, Status, ...details };
	}
}

type Add = (method: string, path: string, handler: (req: SandboxRequest) => SandboxResponse) => void;

/** `GET /dataImportExportTasks[/{key}]` and `POST …/{key}/run` (§14), also under v2's `/tasks` (§2.2). */
export function taskRoutes(tasks: Tasks, rules: () => TaskRules, add: Add): void {
	for (const base of ['/dataImportExportTasks', '/tasks']) {
		add('GET', base, () => ({ status: 200, body: { Result: tasks.list(rules()) } }));
		add('GET', `${base}/:key`, (req) => ({ status: 200, body: { Result: tasks.get(req.params.key, rules()) } }));
		add('POST', `${base}/:key/run`, (req) => tasks.run(req.params.key, rules()));
	}
}
