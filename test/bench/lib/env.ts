/**
 * The benchmark environment: a real n8n 2.41.1 from the harness (`startHarness`, our package installed as the
 * Community Nodes screen installs it) plus the Caspio and ActiveCampaign sandboxes, started here in this process
 * with their limits on, so the benchmarks can read the sandboxes' own timestamps (when a webhook delivery left
 * Caspio, when each ActiveCampaign write arrived) without touching the sandbox code.
 *
 * The harness is started with `sandbox: false` (it would otherwise start sandboxes we cannot reach in-process); the
 * credentials it would preset are created here the same way (`upsertCredential`, `sandboxCredentialData`), plus
 * one for n8n-nodes-base's ActiveCampaign node (`activeCampaignApi`) for the P1 baseline.
 */
import * as fs from 'fs';

import {
	CREDENTIAL_NAMES,
	HarnessClient,
	sandboxCredentialData,
	startHarness,
	upsertCredential,
	type Harness,
	type Logger,
} from '../../../scripts/harness';
import { startActiveCampaignSandbox, type ActiveCampaignSandbox } from '../../sandbox/activecampaign';
import { startCaspioSandbox, type RunningCaspioSandbox } from '../../sandbox/caspio';
import type { SandboxRequest, SandboxResponse } from '../../sandbox/server';

export const BUILTIN_AC_CREDENTIAL = { type: 'activeCampaignApi', name: 'ActiveCampaign built-in (sandbox)' } as const;

/** One ActiveCampaign API request as the sandbox saw it (arrival time in ms; `status` set when refused up front). */
export interface AcRequest {
	t: number;
	method: string;
	template: string;
	body: unknown;
	/** 429 (or 403) when the sandbox's limiter refused it before the handler ran; undefined = handled. */
	refused?: number;
}

/** One Caspio outgoing-webhook delivery leaving the sandbox. */
export interface CaspioDelivery {
	t: number;
	body: string;
}

export interface BenchEnv {
	harness: Harness;
	/** HTTP client of the harness with the sandboxes and preset credentials filled in. */
	client: HarnessClient;
	caspio: RunningCaspioSandbox;
	ac: ActiveCampaignSandbox;
	credentials: { caspioApi: string; activeCampaignPlusApi: string; activeCampaignApi: string };
	/** Every ActiveCampaign v3 request (filled while `recording.ac` is true). */
	acLog: AcRequest[];
	/** Every Caspio webhook delivery (filled while `recording.caspio` is true). */
	caspioDeliveries: CaspioDelivery[];
	recording: { ac: boolean; caspio: boolean };
	/** pid of the n8n main process (the supervisor's child), for /proc/<pid>/status. */
	n8nPid: number;
	stop(): Promise<void>;
}

/** The direct child of `parent` whose command line mentions n8n (the supervisor runs `node <n8n bin> start`). */
export function findChildPid(parent: number): number | undefined {
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid …; comm may contain spaces, so split after the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid !== parent) continue;
			const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
			if (/n8n/.test(cmdline)) return Number(entry);
		} catch {
			/* the process went away */
		}
	}
	return undefined;
}

/** `queue`: n8n in queue mode (PostgreSQL, Redis, main, a webhook process and `workers` workers sharing the budget). */
export async function startBenchEnv(options: { build: boolean; log: Logger; queue?: { workers: number } }): Promise<BenchEnv> {
	const { log } = options;
	const caspio = await startCaspioSandbox({ port: 0, seedDemo: true });
	const ac = await startActiveCampaignSandbox({ port: 0, seedDemo: true, rateLimit: true });
	log(`sandboxes (limits on): Caspio ${caspio.url}, ActiveCampaign ${ac.url}`);
	let harness: Harness | undefined;
	try {
		harness = await startHarness({ sandbox: false, workflowsDir: false, build: options.build, handleSignals: true, queue: options.queue, log });
	} catch (error) {
		await caspio.close();
		await ac.close();
		throw error;
	}
	const credentialData = sandboxCredentialData(caspio.url, ac.url, options.queue?.workers);
	const credentials = {
		caspioApi: await upsertCredential(harness, CREDENTIAL_NAMES.caspioApi, 'caspioApi', credentialData.caspioApi!),
		activeCampaignPlusApi: await upsertCredential(
			harness,
			CREDENTIAL_NAMES.activeCampaignPlusApi,
			'activeCampaignPlusApi',
			credentialData.activeCampaignPlusApi!,
		),
		activeCampaignApi: await upsertCredential(harness, BUILTIN_AC_CREDENTIAL.name, BUILTIN_AC_CREDENTIAL.type, {
			apiUrl: ac.url,
			apiKey: 'sandbox-key',
		}),
	};
	const client = new HarnessClient({
		...harness.info,
		caspioUrl: caspio.url,
		acUrl: ac.url,
		credentials: { caspioApi: credentials.caspioApi, activeCampaignPlusApi: credentials.activeCampaignPlusApi },
		credentialData,
	});

	const recording = { ac: false, caspio: false };
	const acLog: AcRequest[] = [];
	const caspioDeliveries: CaspioDelivery[] = [];

	// ActiveCampaign: every v3 request passes the service's `before` (auth + the 5 req/s limiter); note it there.
	const service = ac.core.service;
	const before = service.before?.bind(service);
	service.before = (req: SandboxRequest): SandboxResponse | undefined => {
		const refusal = before?.(req);
		if (recording.ac && req.path.startsWith('/api/3/')) {
			acLog.push({ t: Date.now(), method: req.method, template: req.template, body: req.body, refused: refusal?.status });
		}
		return refusal;
	};
	// Caspio: every outgoing-webhook delivery goes through the core's `deliver`.
	const core = caspio.core;
	const deliver = core.deliver.bind(core);
	core.deliver = async (url, body, contentType, onStatus) => {
		if (recording.caspio) caspioDeliveries.push({ t: Date.now(), body });
		return await deliver(url, body, contentType, onStatus);
	};

	const n8nPid = findChildPid(harness.n8n.pid) ?? harness.n8n.pid;
	const h = harness;
	return {
		harness: h,
		client,
		caspio,
		ac,
		credentials,
		acLog,
		caspioDeliveries,
		recording,
		n8nPid,
		async stop() {
			await h.stop().catch((e: Error) => log(`stopping n8n failed: ${e.message}`));
			await caspio.close();
			await ac.close();
		},
	};
}
