import { randomBytes } from 'node:crypto';

import type { SandboxRequest } from '../server';
import { CaspioError } from './errors';

export interface AuthRules {
	clientId: string;
	clientSecret: string;
	/** UNCERTAIN §11.1: bad client credentials answer 400 or 401. */
	badClientStatus: 401 | 400;
	/** §1.6 field report: an expired token sometimes came back as 400 `IncorrectQueryParameter` instead of 401. */
	staleTokenAnswer: 401 | 400;
	/** UNCERTAIN §1.4: whether a refresh must also carry the client credentials. */
	refreshRequiresClient: boolean;
	/** UNCERTAIN §1.4: whether a refresh hands out a new refresh token and retires the old one. */
	rotateRefreshToken: boolean;
}

const DAY = 86_400_000;
const REFRESH_CAP = 1000;
/** The documented lifetime (§1.3); announced even when a fault shortens the real one, so clients meet stale tokens (§1.6). */
export const TOKEN_TTL_SECONDS = 86399;
const denied = () => new CaspioError(401, 'Unauthorized', 'Authorization has been denied for this request.');

/** Issues and checks OAuth tokens as `POST /oauth/token` does (§1.2–§1.5). */
export class Tokens {
	private access = new Map<string, number>();
	private refresh = new Map<string, { issued: number; used: boolean }>();

	clear(): void {
		this.access.clear();
		this.refresh.clear();
	}

	/** Makes every access token issued so far stale, as if a day had passed. */
	expireAll(): void {
		for (const token of this.access.keys()) this.access.set(token, 0);
	}

	count() {
		return { accessTokens: this.access.size, refreshTokens: this.refresh.size };
	}

	/** Handles both grants; client credentials come from the form body or HTTP Basic (§1.2). */
	grant(req: SandboxRequest, rules: AuthRules, ttlSeconds: number) {
		const form = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
		const fromBody = form.client_id === undefined ? undefined : { id: String(form.client_id), secret: String(form.client_secret ?? '') };
		const client = basicCredentials(req) ?? fromBody;
		const clientOk = client !== undefined && client.id === rules.clientId && client.secret === rules.clientSecret;
		const badClient = () =>
			rules.badClientStatus === 401
				? new CaspioError(401, 'Unauthorized', 'The client id or client secret is not valid.')
				: new CaspioError(400, 'IncorrectBodyParameter', 'The client id or client secret is not valid.');
		const grantType = String(form.grant_type ?? '');
		if (grantType === 'client_credentials') {
			if (!clientOk) throw badClient();
			return this.issue(ttlSeconds, this.newRefreshToken());
		}
		if (grantType !== 'refresh_token') throw new CaspioError(400, 'IncorrectBodyParameter', `grant_type '${grantType}' is not supported.`);
		if ((client !== undefined || rules.refreshRequiresClient) && !clientOk) throw badClient();
		const presented = String(form.refresh_token ?? '');
		const entry = this.refresh.get(presented);
		// Refresh tokens last a year, or 60 days when never used (§1.3).
		const alive = entry && Date.now() < entry.issued + (entry.used ? 365 : 60) * DAY;
		if (!entry || !alive) throw new CaspioError(400, 'IncorrectBodyParameter', 'The refresh token is invalid or expired.');
		entry.used = true;
		if (!rules.rotateRefreshToken) return this.issue(ttlSeconds, presented);
		this.refresh.delete(presented);
		return this.issue(ttlSeconds, this.newRefreshToken());
	}

	/** The bearer check run before every REST call (§1.5, §1.6). */
	check(req: SandboxRequest, rules: AuthRules): CaspioError | undefined {
		const m = /^bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
		const expiresAt = m ? this.access.get(m[1]) : undefined;
		if (expiresAt === undefined) return denied();
		if (Date.now() < expiresAt) return undefined;
		if (rules.staleTokenAnswer === 400) return new CaspioError(400, 'IncorrectQueryParameter', 'The request is invalid.');
		return denied();
	}

	private issue(ttlSeconds: number, refreshToken: string) {
		// The real token is an opaque URL-safe string, not a JWT (§1.3).
		const accessToken = randomBytes(96).toString('base64url');
		this.access.set(accessToken, Date.now() + ttlSeconds * 1000);
		return { access_token: accessToken, token_type: 'bearer', expires_in: TOKEN_TTL_SECONDS, refresh_token: refreshToken };
	}

	/** At most 1,000 refresh tokens per account: the oldest goes first (§1.3). */
	private newRefreshToken(): string {
		const token = randomBytes(32).toString('hex');
		this.refresh.set(token, { issued: Date.now(), used: false });
		if (this.refresh.size > REFRESH_CAP) this.refresh.delete(this.refresh.keys().next().value as string);
		return token;
	}
}

function basicCredentials(req: SandboxRequest): { id: string; secret: string } | undefined {
	const m = /^basic\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
	if (!m) return undefined;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon === -1 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
