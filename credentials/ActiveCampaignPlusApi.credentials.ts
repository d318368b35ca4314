import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { activeCampaignBaseUrl } from '../nodes/shared/url';

/** ActiveCampaign API v3 (Api-Token header) plus the optional event tracking account. */
export class ActiveCampaignPlusApi implements ICredentialType {
	name = 'activeCampaignPlusApi';

	displayName = 'ActiveCampaign Plus API';

	icon = {
		light: 'file:../nodes/ActiveCampaignPlus/activeCampaignPlus.svg',
		dark: 'file:../nodes/ActiveCampaignPlus/activeCampaignPlus.dark.svg',
	} as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-caspio-activecampaign#activecampaign-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://youraccount.api-us1.com',
			description: 'Shown in ActiveCampaign under Settings → Developer. A pasted /api/3 is removed.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown in ActiveCampaign under Settings → Developer',
		},
		{
			displayName: 'Event Tracking Account ID',
			name: 'eventAccountId',
			type: 'string',
			default: '',
			description:
				'Needed only to track events. Shown in ActiveCampaign under Settings → Tracking → Event Tracking (the "actid" in the example request).',
		},
		{
			displayName: 'Event Key',
			name: 'eventSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Needed only to track events. Shown under Settings → Tracking → Event Tracking → Event Key.',
		},
		{
			displayName: 'Event Tracking URL',
			name: 'eventTrackingUrl',
			type: 'string',
			default: 'https://trackcmp.net/event',
			description: "ActiveCampaign's event tracking endpoint. Keep the default unless you run a local test server.",
		},
		{
			displayName: 'Processes Sharing This Account',
			name: 'processesSharingAccount',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description:
				"How many n8n processes run workflows with this account at the same time: 1 for a single n8n, the number of workers in queue mode. Each process keeps to its share of ActiveCampaign's 5 requests per second, evenly spaced (one request every 400 ms each for 2 workers), so together they stay within the limit.",
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { url: base, problem } = activeCampaignBaseUrl(credentials.apiUrl);
		if (problem !== undefined) throw new Error(problem);
		// The credential test sends a relative URL against the raw field value; give it the normalised API root.
		if (requestOptions.baseURL !== undefined) requestOptions.baseURL = `${base}/api/3`;
		const target = new URL(requestOptions.url, requestOptions.baseURL ?? base);
		// The key goes only to the API host, never to the event tracking endpoint or anywhere else.
		if (target.origin === new URL(base).origin) {
			requestOptions.headers = { ...requestOptions.headers, 'Api-Token': String(credentials.apiKey) };
		}
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiUrl}}',
			url: '/users/me',
			method: 'GET',
		},
	};
}
