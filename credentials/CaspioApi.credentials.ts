import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { caspioBaseUrl } from '../nodes/shared/url';

/** Caspio REST API with an OAuth client-credentials profile; the access token is cached in the credential. */
export class CaspioApi implements ICredentialType {
	name = 'caspioApi';

	displayName = 'Caspio API';

	icon = { light: 'file:../nodes/Caspio/caspio.svg', dark: 'file:../nodes/Caspio/caspio.dark.svg' } as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-caspio-activecampaign#caspio-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Integration URL',
			name: 'integrationUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'c1abc123.caspio.com',
			description:
				'The Integration URL of your Caspio account, shown in Caspio under Integrations → API Profiles (Web services profile). The bare host or the full https:// address both work.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID of the API profile',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Client Secret of the API profile',
		},
	];

	/** Called by n8n when the stored token is empty or was refused; the result is saved into the credential. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const { url: base, problem } = caspioBaseUrl(credentials.integrationUrl);
		if (problem !== undefined) throw new Error(problem);
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: String(credentials.clientId ?? ''),
			client_secret: String(credentials.clientSecret ?? ''),
		});
		let response: IDataObject;
		try {
			response = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${base}/oauth/token`,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: form.toString(),
				json: true,
			})) as IDataObject;
		} catch (error) {
			// A fresh error keeps the request (and so the client secret) out of what n8n shows and logs.
			throw new Error(tokenFailureMessage(error, base));
		}
		if (typeof response?.access_token !== 'string' || response.access_token === '') {
			throw new Error(`Caspio at ${base} answered the token request without an access token. Check the Integration URL.`);
		}
		return { accessToken: response.access_token };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// The credential test sends a relative URL against the raw field value; give it the normalised host.
		if (requestOptions.baseURL !== undefined) {
			const { url, problem } = caspioBaseUrl(credentials.integrationUrl);
			if (problem !== undefined) throw new Error(problem);
			requestOptions.baseURL = url;
		}
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.accessToken)}` };
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.integrationUrl}}',
			url: '/integrations/rest/v3/tables',
			method: 'GET',
		},
	};
}

function tokenFailureMessage(error: unknown, base: string): string {
	const failure = error as { response?: { status?: number; data?: unknown }; code?: string; cause?: { code?: string } };
	const status = failure.response?.status;
	if (status === 400 || status === 401 || status === 403) {
		return `Caspio refused the Client ID / Client Secret (HTTP ${status}). Copy both again from the API profile under Integrations → API Profiles.`;
	}
	if (status !== undefined) return `Caspio's token endpoint at ${base} answered HTTP ${status}. Check the Integration URL.`;
	const code = failure.code ?? failure.cause?.code ?? 'network error';
	return `Could not reach Caspio at ${base} (${code}). Check the Integration URL.`;
}
