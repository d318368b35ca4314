import { runNode, TestCredentials } from '../support/n8n';
import { scriptedServer, type ScriptedAnswer, type SeenRequest } from '../support/scriptedServer';

const SECRET = 'client-secret-that-must-not-leak';

/** A Caspio stand-in that issues numbered tokens and refuses the ones a test revokes, the way a test asks. */
async function caspioStandIn() {
	let issued = 0;
	const revoked = new Set<string>();
	let staleAnswer: 401 | 400 = 401;
	let apiAnswer: ((req: SeenRequest) => ScriptedAnswer | undefined) | undefined;
	const server = await scriptedServer((req) => {
		if (req.path === '/oauth/token') {
			const form = new URLSearchParams(req.body);
			if (form.get('client_secret') !== SECRET) return { status: 401, body: { error: 'invalid_client' } };
			issued++;
			return { status: 200, body: { access_token: `tok-${issued}`, token_type: 'bearer', expires_in: 86399, refresh_token: 'ab'.repeat(32) } };
		}
		const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
		if (!token.startsWith('tok-') || revoked.has(token)) {
			return staleAnswer === 401
				? { status: 401, body: { Code: 'Unauthorized', Message: 'Invalid token', RequestId: 'r1' } }
				: { status: 400, body: { Code: 'IncorrectQueryParameter', Message: 'Invalid query', RequestId: 'r2' } };
		}
		return apiAnswer?.(req) ?? { status: 200, body: { Result: ['Leads', 'Registrations'] } };
	});
	return {
		...server,
		tokenRequests: () => server.seen.filter((r) => r.path === '/oauth/token').length,
		apiRequests: () => server.seen.filter((r) => r.path !== '/oauth/token'),
		revoke: (token: string) => revoked.add(token),
		setStaleAnswer: (status: 401 | 400) => (staleAnswer = status),
		setApiAnswer: (fn: typeof apiAnswer) => (apiAnswer = fn),
	};
}

type StandIn = Awaited<ReturnType<typeof caspioStandIn>>;

describe('Caspio credential and transport', () => {
	let caspio: StandIn;
	let credentials: TestCredentials;
	const listTables = (items = 1) =>
		runNode({
			type: 'caspio',
			parameters: { resource: 'table', operation: 'getMany', returnAll: true },
			items: Array.from({ length: items }, (_, i) => ({ i })),
			credentials,
		});

	beforeEach(async () => {
		caspio = await caspioStandIn();
		credentials = new TestCredentials().set('caspioApi', {
			integrationUrl: caspio.url,
			clientId: 'sandbox-client',
			clientSecret: SECRET,
			accessToken: '',
		});
	});
	afterEach(async () => await caspio.close());

	it('fetches the token once with client credentials and reuses it across items and executions', async () => {
		const first = await listTables(5);
		const second = await listTables(3);

		expect(first.outputs[0]).toHaveLength(10);
		expect(second.outputs[0]).toHaveLength(6);
		expect(caspio.tokenRequests()).toBe(1);
		const tokenRequest = caspio.seen.find((r) => r.path === '/oauth/token')!;
		expect(Object.fromEntries(new URLSearchParams(tokenRequest.body))).toEqual({
			grant_type: 'client_credentials',
			client_id: 'sandbox-client',
			client_secret: SECRET,
		});
		expect(caspio.apiRequests().map((r) => r.headers.authorization)).toEqual(Array(8).fill('Bearer tok-1'));
		expect(credentials.store.caspioApi.accessToken).toBe('tok-1');
	});

	it('fetches a new token after a 401 and resends the request', async () => {
		await listTables();
		caspio.revoke('tok-1');

		const after = await listTables();

		expect(after.run.status).toBe('success');
		expect(caspio.tokenRequests()).toBe(2);
		expect(caspio.apiRequests().map((r) => r.headers.authorization)).toEqual([
			'Bearer tok-1',
			'Bearer tok-1',
			'Bearer tok-2',
		]);
		expect(credentials.store.caspioApi.accessToken).toBe('tok-2');
	});

	it('fetches a new token after the stale-token answer (400 IncorrectQueryParameter)', async () => {
		await listTables();
		caspio.revoke('tok-1');
		caspio.setStaleAnswer(400);

		const after = await listTables();

		expect(after.run.status).toBe('success');
		expect(after.outputs[0].map((i) => i.json.name)).toEqual(['Leads', 'Registrations']);
		expect(caspio.tokenRequests()).toBe(2);
		expect(caspio.apiRequests().at(-1)!.headers.authorization).toBe('Bearer tok-2');
	});

	it('does not fetch a token again for an ordinary error', async () => {
		await listTables();
		caspio.setApiAnswer(() => ({ status: 404, body: { Code: 'ObjectNotFound', Message: 'Table not found' } }));

		const failed = await listTables();

		expect(failed.run.status).toBe('error');
		expect(failed.error?.message).toMatch(/Caspio answered HTTP 404 while listing tables: The table, view or record does not exist/);
		expect(caspio.tokenRequests()).toBe(1);
	});

	it('never puts the token or the client secret in an error, with or without Continue On Fail', async () => {
		await listTables();
		caspio.setApiAnswer(() => ({ status: 403, body: { Code: 'IpForbidden', Message: 'IP not allowed' } }));

		const failed = await listTables();
		const continued = await runNode({
			type: 'caspio',
			parameters: { resource: 'table', operation: 'getMany', returnAll: true },
			credentials,
			onError: 'continueErrorOutput',
		});

		expect(failed.error?.message).toMatch(/IP address is not allowed/);
		expect(continued.outputs[1][0].json.error).toMatch(/IP address is not allowed/);
		for (const text of [JSON.stringify(failed.run.data), JSON.stringify(continued.run.data)]) {
			expect(text).not.toContain('tok-1');
			expect(text).not.toContain(SECRET);
		}
	});

	it('says what to check when Caspio refuses the client secret, without echoing it', async () => {
		credentials.set('caspioApi', { ...credentials.store.caspioApi, clientSecret: 'wrong-secret-value' });

		const failed = await listTables();

		expect(failed.run.status).toBe('error');
		expect(failed.error?.message).toMatch(/Caspio refused the Client ID \/ Client Secret \(HTTP 401\)/);
		expect(JSON.stringify(failed.run.data)).not.toContain('wrong-secret-value');
	});

	it.each([
		['', /Integration URL is empty/],
		['http://c1abc123.caspio.com', /must use https:\/\//],
		['https://c1abc123.caspio.com/some/page', /without a path/],
	])('refuses the Integration URL %j with a message that says what to enter', async (integrationUrl, message) => {
		credentials.set('caspioApi', { ...credentials.store.caspioApi, integrationUrl });

		const failed = await listTables();

		expect(failed.error?.message).toMatch(message);
		expect(failed.error?.message).toMatch(/c1abc123\.caspio\.com/);
		expect(caspio.seen).toHaveLength(0);
	});
});
