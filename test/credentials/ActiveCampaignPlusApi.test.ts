import { ActiveCampaignPlusApi } from '../../credentials/ActiveCampaignPlusApi.credentials';
import { runNode, TestCredentials } from '../support/n8n';
import { scriptedServer } from '../support/scriptedServer';

const KEY = 'ac-key-that-must-not-leak';

describe('ActiveCampaign Plus credential and transport', () => {
	it('sends the key as Api-Token to <API URL>/api/3, also when the user pasted /api/3 with a slash', async () => {
		const ac = await scriptedServer(() => ({ status: 200, body: { tags: [{ id: '1', tag: 'vip' }], meta: { total: '1' } } }));
		try {
			const credentials = new TestCredentials().set('activeCampaignPlusApi', { apiUrl: `${ac.url}/api/3/`, apiKey: KEY });

			const result = await runNode({
				type: 'activeCampaignPlus',
				parameters: { resource: 'tag', operation: 'getMany', returnAll: true, search: '' },
				credentials,
			});

			expect(result.outputs[0].map((i) => i.json)).toEqual([{ id: '1', tag: 'vip' }]);
			expect(ac.seen.map((r) => [r.path, r.headers['api-token']])).toEqual([['/api/3/tags', KEY]]);
		} finally {
			await ac.close();
		}
	});

	it('explains a refused key without showing it', async () => {
		const ac = await scriptedServer(() => ({ status: 403, body: { message: 'Forbidden' } }));
		try {
			const credentials = new TestCredentials().set('activeCampaignPlusApi', { apiUrl: ac.url, apiKey: KEY });

			const result = await runNode({
				type: 'activeCampaignPlus',
				parameters: { resource: 'tag', operation: 'getMany', returnAll: true, search: '' },
				credentials,
			});

			expect(result.error?.message).toBe(
				'ActiveCampaign answered HTTP 403 while reading tags: The API key was refused or lacks permission. Check the API URL and API Key in the credential.',
			);
			expect(JSON.stringify(result.run.data)).not.toContain(KEY);
		} finally {
			await ac.close();
		}
	});

	it('adds the key only for the API host, never for the event tracking endpoint or another host', async () => {
		const credential = new ActiveCampaignPlusApi();
		const apiUrl = 'https://acme.api-us1.com';
		const sign = async (url: string) =>
			(await credential.authenticate({ apiUrl, apiKey: KEY }, { url, headers: {} })).headers ?? {};

		expect(await sign('https://acme.api-us1.com/api/3/contacts')).toEqual({ 'Api-Token': KEY });
		expect(await sign('https://trackcmp.net/event')).toEqual({});
		expect(await sign('https://acme.api-us1.com.evil.example/api/3/contacts')).toEqual({});
	});

	it('points the credential test at <API URL>/api/3/users/me whatever form the URL was pasted in', async () => {
		const credential = new ActiveCampaignPlusApi();
		const request = { ...credential.test.request, baseURL: 'https://acme.api-us1.com/api/3/' } as { url: string; baseURL: string };

		const signed = await credential.authenticate({ apiUrl: 'https://acme.api-us1.com/api/3/', apiKey: KEY }, request);

		expect(`${signed.baseURL}${signed.url}`).toBe('https://acme.api-us1.com/api/3/users/me');
		expect(signed.headers).toEqual({ 'Api-Token': KEY });
	});
});
