import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { CaspioTestClient, qs, V3 } from './caspio/test-client';

/** §15.4 and §16: temporary attachment URLs in custom payloads, and §5.2's URI limit. */

let caspio: CaspioTestClient;
let receiver: http.Server;
let receiverUrl: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let received: any[] = [];

beforeAll(async () => {
	caspio = await CaspioTestClient.start();
	receiver = http.createServer((req, res) => {
		let text = '';
		req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
		req.on('end', () => {
			received.push(JSON.parse(text));
			res.writeHead(200).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
	await caspio.close();
	await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
	await caspio.admin('POST', 'reset');
	await caspio.authenticate();
	received = [];
	await caspio.admin('POST', 'seed', {
		tables: [{ name: 'Documents', fields: [{ Name: 'Title', Type: 'STRING' }, { Name: 'Scan', Type: 'ATTACHMENT' }], records: [{ Title: 'Contract' }, { Title: 'Empty' }] }],
	});
	const body = new FormData();
	body.append('File', new Blob([Buffer.from('%PDF-scan')], { type: 'application/pdf' }), 'contract.pdf');
	const upload = await fetch(`${caspio.url}${V3}/tables/Documents/attachments/Scan/1`, { method: 'PUT', headers: { authorization: `Bearer ${caspio.token}` }, body });
	expect(upload.status).toBeLessThan(300);
	const hook = await caspio.api('POST', `${V3}/outgoingWebhooks`, { Name: 'docs', OutgoingUrls: [receiverUrl] });
	const template = "{'messageId': '[@out-hook:messageId]', 'data': [{'PK_ID': '[@field:PK_ID]', 'Scan': '[@field:Scan]', '_Scan': '[@field:Scan/]'}]}";
	const event = await caspio.api('POST', `${V3}/outgoingWebhooks/${hook.body.Id}/events`, { EventType: 'table.recordUpdate', ObjectName: 'Documents', CustomPayloadTemplate: template });
	expect(event.status).toBe(201);
});

const touch = async (where: string) => {
	await caspio.admin('POST', 'records', { table: 'Documents', op: 'update', where, values: { Title: `edited ${where}` }, source: 'Datasheet' });
	await caspio.admin('GET', 'deliveries');
};

test('[@field:X/] is an absolute URL that serves the file without a token; a record without a file gets an empty string', async () => {
	await touch('PK_ID = 1');
	await touch('PK_ID = 2');

	expect(received.map((r) => r.data[0])).toEqual([
		{ PK_ID: '1', Scan: 'contract.pdf', _Scan: expect.stringMatching(new RegExp(`^${caspio.url}/attachments/temporary/[A-Za-z0-9_-]+$`)) },
		{ PK_ID: '2', Scan: '', _Scan: '' },
	]);
	const download = await fetch(received[0].data[0]._Scan);
	expect(download.status).toBe(200);
	expect(download.headers.get('content-type')).toBe('application/pdf');
	expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('%PDF-scan');
	expect((await caspio.admin('GET', 'state')).body.attachmentLinks).toEqual([expect.objectContaining({ table: 'Documents', field: 'Scan', pk: 1, expired: false })]);
});

test('the URL expires after attachmentUrlTtlSeconds (300 s by default); an unknown token is 404', async () => {
	expect((await caspio.admin('GET', 'options')).body.attachmentUrlTtlSeconds).toBe(300);
	await caspio.admin('POST', 'options', { attachmentUrlTtlSeconds: 0.2 });
	await touch('PK_ID = 1');
	await new Promise((resolve) => setTimeout(resolve, 300));

	const expired = await fetch(received[0].data[0]._Scan);
	expect(expired.status).toBe(404);
	expect(((await expired.json()) as { Code: string }).Code).toBe('ObjectNotFound');
	expect((await fetch(`${caspio.url}/attachments/temporary/guess`)).status).toBe(404);
});

test('§5.2 a request URI longer than 2,047 characters gets 414 before anything else; 2,047 is still served', async () => {
	const path = `${V3}/tables/Documents/records`;
	// Quotes written as %27, as fetch would send them, so the length below is the length sent.
	const padded = (length: number) => `${path}${qs({ 'q.where': `Title <> '${'x'.repeat(length - path.length - 32)}'` })}`.replace(/'/g, '%27');
	const atLimit = padded(2047);
	expect(atLimit.length).toBe(2047);
	expect((await caspio.api('GET', atLimit)).status).toBe(200);

	const over = await caspio.api('GET', padded(2048));
	expect(over.status).toBe(414);
	expect(over.body).toMatchObject({ Code: 'RequestUriTooLong', RequestId: expect.any(String) });
	expect((await caspio.request('GET', padded(2048))).status).toBe(414);
});

test('§16 a view answers fileInfo and downloads for the records it shows, with the same shapes as its table', async () => {
	await caspio.admin('POST', 'seed', { views: [{ name: 'Contracts_Only', table: 'Documents', where: "Title = 'Contract'" }] });
	const info = await caspio.api('GET', `${V3}/views/Contracts_Only/attachments/Scan/fileInfo`);
	expect(info.body).toEqual({ Result: [{ FileName: 'contract', FileType: 'pdf', Size: 9 }] });
	const file = await fetch(`${caspio.url}${V3}/views/Contracts_Only/attachments/Scan/1`, { headers: { authorization: `Bearer ${caspio.token}` } });
	expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-scan');
	expect((await caspio.api('GET', `${V3}/views/Contracts_Only/attachments/Scan/2`)).status).toBe(404);
	expect((await caspio.api('GET', `${V3}/views/Contracts_Only/attachments/Title/fileInfo`)).status).toBe(400);
});
