import { CONSOLE_PATH } from '../console/routes';
import { startSandbox, type RunningSandbox, type SandboxCore } from '../server';
import { withRequestId } from './errors';
import { CaspioService, type CaspioSandboxOptions } from './service';

export { CaspioService, DEFAULT_BEHAVIOUR, type CaspioBehaviour, type CaspioSandboxOptions } from './service';
export { demoSeed } from './demo-seed';
export { EVENT_SOURCES, type Delivery, type EventSource } from './webhooks';

export interface RunningCaspioSandbox extends RunningSandbox {
	core: SandboxCore;
	service: CaspioService;
	/** The sandbox console: the tables with a DataPage-like form, and the ActiveCampaign contacts when linked. */
	consoleUrl: string;
	/** Resolves when every webhook delivery started so far has finished. */
	idle(): Promise<void>;
}

/** Starts the Caspio sandbox on 127.0.0.1 (port 0 or unset = any free port). */
export async function startCaspioSandbox(options: CaspioSandboxOptions = {}): Promise<RunningCaspioSandbox> {
	const service = new CaspioService(options);
	// Every Caspio response carries X-Caspio-Request-ID (§1.5).
	const running = await startSandbox(service, { port: options.port, decorate: withRequestId });
	service.core = running.core;
	service.attachmentLinks.baseUrl = running.url;
	return { ...running, service, consoleUrl: `${running.url}${CONSOLE_PATH}`, idle: () => service.webhooks.idle() };
}
