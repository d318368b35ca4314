import { startActiveCampaignSandbox } from './activecampaign';
import { startCaspioSandbox } from './caspio';

/** `npm run sandbox`: both vendor sandboxes on 127.0.0.1, and the console that shows them, until SIGINT/SIGTERM. */
async function main() {
	const ac = await startActiveCampaignSandbox({ port: Number(process.env.AC_PORT ?? 4020), seedDemo: true });
	const caspio = await startCaspioSandbox({ port: Number(process.env.CASPIO_PORT ?? 4010), seedDemo: true, activeCampaignUrl: ac.url });
	console.log(`Caspio sandbox:         ${caspio.url}  (client id sandbox-client, secret sandbox-secret)`);
	console.log(`ActiveCampaign sandbox: ${ac.url}  (API key sandbox-key, event account 1000, key sandbox-event-key)`);
	console.log(`Console:                ${caspio.consoleUrl}  (Caspio tables with a DataPage form, ActiveCampaign contacts)`);
	const stop = async () => {
		await Promise.all([caspio.close(), ac.close()]);
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});
