import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from './support/console-session.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CLIENT_ID = '0c0ffee0-0000-4000-8000-000000000011';
const TENANT_ID = '0c0ffee0-0000-4000-8000-000000000012';
const CALLBACK = 'http://localhost/console/sign-in/microsoft/callback';
const OFFICER = 'olivia.entra@example.gov.uk';
const FORMER = 'former.entra@example.gov.uk';

const cookieNamed = (setCookie: string[] | string | undefined, name: string) =>
  ([] as string[])
    .concat(setCookie ?? [])
    .find((line) => line.startsWith(`${name}=`))
    ?.split(';')[0];

/**
 * The console's "Sign in with Microsoft" against a real OpenID Connect issuer (over HTTPS, as
 * passport-azure-ad insists): Crier sends the browser to /authorize, the issuer sends it back
 * with a code, Crier redeems the code with its client secret and checks the ID token.
 */
describe('Microsoft sign-in to the console (AUTH_MODE=azure-ad)', () => {
  const idp = new OAuth2Server(inject('tlsKeyPath'), inject('tlsCertPath'));
  let t: TestApp;
  /** Who the issuer says signs in next. */
  let username = OFFICER;

  beforeAll(async () => {
    await idp.issuer.keys.generate('RS256');
    await idp.start(0, '127.0.0.1');
    idp.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
      Object.assign(token.payload, { preferred_username: username, tid: TENANT_ID, oid: 'o-1' });
    });
    const issuer = idp.issuer.url ?? '';
    t = await startTestApp('console_microsoft', {
      env: {
        AUTH_MODE: 'azure-ad',
        AZURE_AD_TENANT_ID: TENANT_ID,
        AZURE_AD_CLIENT_ID: CLIENT_ID,
        AZURE_AD_ISSUER: issuer,
        AZURE_AD_METADATA_URL: `${issuer}/.well-known/openid-configuration`,
        AZURE_AD_CLIENT_SECRET: 'a-client-secret-for-tests-only',
        AZURE_AD_REDIRECT_URL: CALLBACK,
      },
    });
    await t.db.query(
      `INSERT INTO staff (email, name, roles, active)
       VALUES ($1, 'Olivia Entra', '{officer}', true), ($2, 'Former Entra', '{officer}', false)`,
      [OFFICER, FORMER],
    );
  });
  afterAll(async () => {
    await t?.close();
    if (idp.listening) await idp.stop();
  });

  /** Crier's redirect to the issuer, and the issuer's redirect back (what a browser follows). */
  const toMicrosoftAndBack = async (next = '/console') => {
    const begin = await t.http.get(`/console/sign-in/microsoft?next=${encodeURIComponent(next)}`);
    expect(begin.status).toBe(303);
    const authorize = new URL(begin.headers.location);
    expect(authorize.origin + authorize.pathname).toBe(`${idp.issuer.url}/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    const stateCookie = cookieNamed(begin.headers['set-cookie'], '__Host-crier-oidc');
    expect(stateCookie).toBeDefined();
    const issuerAnswer = await fetch(authorize, { redirect: 'manual' });
    const back = new URL(issuerAnswer.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe(CALLBACK);
    return { callback: `${back.pathname}${back.search}`, stateCookie: stateCookie!, back };
  };

  it('signs a member of staff in and takes them where they were going', async () => {
    username = OFFICER;
    const { callback, stateCookie } = await toMicrosoftAndBack('/console?from=test');
    const done = await t.http.get(callback).set('Cookie', stateCookie);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/console?from=test');
    const session = cookieNamed(done.headers['set-cookie'], SESSION_COOKIE);
    expect(session).toBeDefined();
    const home = await t.http.get('/console').set('Cookie', session!);
    expect(home.status).toBe(200);
    expect(home.text).toContain('Olivia Entra');
    const [audited] = await t.db.query<{ payload: string }>(
      `SELECT payload FROM audit_events WHERE type = 'staff.signed_in' ORDER BY seq DESC LIMIT 1`,
    );
    expect(JSON.parse(audited.payload)).toMatchObject({ data: { method: 'microsoft' } });
  });

  it('refuses someone Crier does not know, and a disabled member of staff', async () => {
    for (const who of ['stranger@example.com', FORMER]) {
      username = who;
      const { callback, stateCookie } = await toMicrosoftAndBack();
      const done = await t.http.get(callback).set('Cookie', stateCookie);
      expect(done.status).toBe(403);
      expect(done.text).toContain('You do not have access to Crier');
      expect(cookieNamed(done.headers['set-cookie'], SESSION_COOKIE)).toBeUndefined();
    }
  });

  it('refuses a callback without the state cookie it began with, or with another state', async () => {
    username = OFFICER;
    const { callback, back, stateCookie } = await toMicrosoftAndBack();
    const noCookie = await t.http.get(callback);
    expect(noCookie.status).toBe(403);
    expect(noCookie.text).toContain('Sign in again');

    back.searchParams.set('state', 'someone-elses-state');
    const wrongState = await t.http
      .get(`${back.pathname}${back.search}`)
      .set('Cookie', stateCookie);
    expect(wrongState.status).toBe(403);
    expect(cookieNamed(wrongState.headers['set-cookie'], SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses a forged state cookie', async () => {
    const { callback } = await toMicrosoftAndBack();
    const forged = await t.http
      .get(callback)
      .set('Cookie', '__Host-crier-oidc=not.a.real.cookie.value');
    expect(forged.status).toBe(403);
  });
});

describe('Microsoft sign-in without a client secret', () => {
  it('answers 503 with a page saying it is not set up, not a broken sign-in', async () => {
    const t = await startTestApp('console_microsoft_off', {
      env: {
        AUTH_MODE: 'azure-ad',
        AZURE_AD_TENANT_ID: TENANT_ID,
        AZURE_AD_CLIENT_ID: CLIENT_ID,
        AZURE_AD_METADATA_URL: 'https://localhost:1/.well-known/openid-configuration',
      },
    });
    try {
      const response = await t.http.get('/console/sign-in/microsoft');
      expect(response.status).toBe(503);
      expect(response.text).toContain('Microsoft sign-in is not set up');
    } finally {
      await t.close();
    }
  });
});
