import { activeCampaignBaseUrl, caspioBaseUrl, eventTrackingUrl } from '../../../nodes/shared/url';

describe('ActiveCampaign API URL', () => {
	it.each([
		['https://acme.api-us1.com', 'https://acme.api-us1.com'],
		['https://acme.api-us1.com/', 'https://acme.api-us1.com'],
		['https://acme.api-us1.com/api/3', 'https://acme.api-us1.com'],
		['https://acme.api-us1.com/api/3/', 'https://acme.api-us1.com'],
		['  https://ACME.api-us1.com//  ', 'https://acme.api-us1.com'],
		['acme.api-us1.com', 'https://acme.api-us1.com'],
		['https://acme.activehosted.com', 'https://acme.activehosted.com'],
		['http://localhost:4020', 'http://localhost:4020'],
		['http://127.0.0.1:4020/api/3', 'http://127.0.0.1:4020'],
	])('%j becomes %j', (input, expected) => {
		expect(activeCampaignBaseUrl(input)).toEqual({ url: expected });
	});

	it.each([
		['', /API URL is empty\. Enter your account's address, e\.g\. https:\/\/youraccount\.api-us1\.com/],
		['http://acme.api-us1.com', /must use https:\/\/ \(plain http is only accepted for localhost\)/],
		['https://acme.api-us1.com/admin/main.php', /without a path \("\/admin\/main\.php" found\)/],
		['https://acme.api-us1.com/?x=1', /must not contain a user name, query or fragment/],
		['https:// not a url', /is not a valid address/],
	])('refuses %j and says what to enter', (input, message) => {
		const check = activeCampaignBaseUrl(input);
		expect(check.url).toBeUndefined();
		expect(check.problem).toMatch(message);
		expect(check.problem).toMatch(/Settings → Developer/);
	});
});

describe('Caspio Integration URL', () => {
	it.each([
		['c1abc123.caspio.com', 'https://c1abc123.caspio.com'],
		['https://c1abc123.caspio.com/', 'https://c1abc123.caspio.com'],
		['https://c1abc123.caspio.com/integrations/rest/v3', 'https://c1abc123.caspio.com'],
		['https://c1abc123.caspio.com/rest/v2', 'https://c1abc123.caspio.com'],
		['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
	])('%j becomes %j', (input, expected) => {
		expect(caspioBaseUrl(input)).toEqual({ url: expected });
	});

	it.each([
		[undefined, /Integration URL is empty/],
		['http://c1abc123.caspio.com', /must use https:\/\//],
		['https://c1abc123.caspio.com/dp/123', /without a path/],
	])('refuses %j and says what to enter', (input, message) => {
		expect(caspioBaseUrl(input).problem).toMatch(message);
		expect(caspioBaseUrl(input).problem).toMatch(/c1abc123\.caspio\.com/);
	});
});

describe('Event tracking URL', () => {
	it('defaults to ActiveCampaign’s endpoint and keeps a local stand-in', () => {
		expect(eventTrackingUrl('')).toEqual({ url: 'https://trackcmp.net/event' });
		expect(eventTrackingUrl('http://127.0.0.1:4020/event')).toEqual({ url: 'http://127.0.0.1:4020/event' });
	});
	it('refuses plain http to a real host', () => {
		expect(eventTrackingUrl('http://trackcmp.net/event').problem).toMatch(/must use https:\/\//);
	});
});
