import { randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

const CLIENT_ID = '0c0ffee0-0000-4000-8000-000000000001';
const TENANT_ID = '0c0ffee0-0000-4000-8000-000000000002';
const ADMIN = 'admin@example.gov.uk';
const AUDITOR = 'auditor@example.gov.uk';
const FORMER = 'former.officer@example.gov.uk';

const azureAdEnv = (metadataUrl: string, issuer?: string) => ({
  AUTH_MODE: 'azure-ad',
  AZURE_AD_TENANT_ID: TENANT_ID,
  AZURE_AD_CLIENT_ID: CLIENT_ID,
  AZURE_AD_ISSUER: issuer,
  AZURE_AD_METADATA_URL: metadataUrl,
});
// An unreachable IdP also ends in INVALID_TOKEN; the message tells the two apart.
const UNREACHABLE = 'could not be reached';

const b64 = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('Entra ID sign-in (AUTH_MODE=azure-ad)', () => {
  // A real OIDC issuer over HTTPS: passport-azure-ad refuses plain-HTTP metadata.
  const idp = new OAuth2Server(inject('tlsKeyPath'), inject('tlsCertPath'));
  let t: TestApp;
  let kid: string;

  /** A v2 access token shaped like Entra ID's, signed by the mock issuer; `claims` win. */
  const entraToken = (claims: Record<string, unknown>) =>
    idp.issuer.buildToken({
      scopesOrTransform: (_header, payload) => {
        const typical = { aud: CLIENT_ID, tid: TENANT_ID, oid: randomUUID(), ver: '2.0' };
        Object.assign(payload, typical, claims);
      },
    });

  const me = (token?: string) => {
    const call = t.http.get('/api/v1/me');
    return token ? call.set('Authorization', `Bearer ${token}`) : call;
  };

  beforeAll(async () => {
    kid = (await idp.issuer.keys.generate('RS256')).kid;
    await idp.start(0, '127.0.0.1');
    const issuer = idp.issuer.url ?? '';
    t = await startTestApp('auth_azure_ad', {
      env: azureAdEnv(`${issuer}/.well-known/openid-configuration`, issuer),
    });
    await t.db.query(
      `INSERT INTO staff (email, name, roles, active)
       VALUES ($1, 'Avery Auditor', '{auditor}', true), ($2, 'Former Officer', '{officer}', false)`,
      [AUDITOR, FORMER],
    );
  });
  afterAll(async () => {
    await t?.close();
    if (idp.listening) await idp.stop();
  });

  it("signs in the bootstrap admin with Crier's roles, not the token's", async () => {
    const token = await entraToken({ preferred_username: 'Admin@Example.gov.uk', roles: ['x'] });
    const response = await me(token);
    expect(response.status).toBe(200);
    const [stored] = await t.db.query<{ roles: string[] }>(
      'SELECT roles FROM staff WHERE email = $1',
      [ADMIN],
    );
    expect(response.body).toMatchObject({ email: ADMIN, roles: stored.roles });
    expect(stored.roles).toEqual(['admin']);
  });

  it('takes the email from upn when a (v1) token has no preferred_username', async () => {
    const response = await me(await entraToken({ upn: AUDITOR }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ email: AUDITOR, roles: ['auditor'] });
  });

  it('asks for a token when there is none', async () => {
    const response = await me();
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  const forged = async () => {
    const { privateKey } = await generateKeyPair('RS256');
    return new SignJWT({ aud: CLIENT_ID, oid: randomUUID(), preferred_username: ADMIN })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuer(idp.issuer.url ?? '')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  };
  const tampered = async () => {
    const [header, , signature] = (await entraToken({ preferred_username: AUDITOR })).split('.');
    const claims = { iss: idp.issuer.url, aud: CLIENT_ID, exp: now() + 600, oid: randomUUID() };
    return [header, b64({ ...claims, preferred_username: ADMIN }), signature].join('.');
  };
  const unsigned = () => {
    const claims = { iss: idp.issuer.url, aud: CLIENT_ID, exp: now() + 600, oid: randomUUID() };
    return `${b64({ alg: 'none', typ: 'JWT', kid })}.${b64({ ...claims, upn: ADMIN })}.`;
  };
  const expiredClaims = () => ({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 });

  it.each([
    ['for another audience', () => entraToken({ preferred_username: ADMIN, aud: 'api://other' })],
    [
      'from another issuer',
      () => entraToken({ preferred_username: ADMIN, iss: 'https://sts.windows.net/other/' }),
    ],
    // passport-azure-ad allows five minutes of clock skew, so expire it well before that.
    ['that has expired', () => entraToken({ preferred_username: ADMIN, ...expiredClaims() })],
    ['signed by a key the issuer does not publish', forged],
    ['whose payload was changed after signing', tampered],
    ['that is unsigned', () => Promise.resolve(unsigned())],
    ['that is not a JWT', () => Promise.resolve('not-a-jwt')],
    ['that carries no email address', () => entraToken({})],
    ['whose username is not an email address', () => entraToken({ upn: '+447700900123' })],
  ])('refuses a token %s with 401 INVALID_TOKEN', async (_case, makeToken) => {
    const response = await me(await makeToken());
    expect(response.status).toBe(401);
    const body = response.body as { code: string; message: string };
    expect(body.code).toBe('INVALID_TOKEN');
    expect(body.message).not.toContain(UNREACHABLE);
  });

  it('refuses a valid token for someone Crier does not know', async () => {
    const response = await me(await entraToken({ preferred_username: 'stranger@example.com' }));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'STAFF_NOT_REGISTERED' });
  });

  it('refuses a valid token for a disabled staff member', async () => {
    const response = await me(await entraToken({ preferred_username: FORMER }));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'STAFF_DISABLED' });
  });

  it('keeps an auditor out of admin-only routes whatever roles the token claims', async () => {
    const token = await entraToken({ preferred_username: AUDITOR, roles: ['admin'] });
    const response = await t.http
      .post('/api/v1/services')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'X' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'ROLE_REQUIRED' });
  });

  it('has no local sign-in route', async () => {
    const response = await t.http.post('/api/v1/auth/local/token').send({ email: ADMIN });
    expect(response.status).toBe(404);
  });
});

describe('Entra ID sign-in while Entra ID cannot be reached', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 1, so fetching the metadata fails at once.
    t = await startTestApp('auth_azure_ad_down', {
      env: azureAdEnv('https://localhost:1/.well-known/openid-configuration'),
    });
  });
  afterAll(() => t?.close());

  it('refuses tokens with 401 INVALID_TOKEN, not a 500', async () => {
    const response = await t.http.get('/api/v1/me').set('Authorization', 'Bearer a.b.c');
    expect(response.status).toBe(401);
    const body = response.body as { code: string; message: string };
    expect(body.code).toBe('INVALID_TOKEN');
    expect(body.message).toContain(UNREACHABLE);
  });
});
