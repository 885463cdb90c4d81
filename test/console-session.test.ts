import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Council, setUpCouncil } from './support/council.js';
import { consoleSignIn, formToken, SESSION_COOKIE } from './support/console-session.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('staff console sessions', () => {
  let t: TestApp;
  let council: Council;

  beforeAll(async () => {
    t = await startTestApp('console-session', { env: { COUNCIL_NAME: 'Test Borough Council' } });
    council = await setUpCouncil(t);
  });
  afterAll(() => t.close());

  const signedIn = async (staffId = council.admin.id) => {
    const { cookie } = await consoleSignIn(t, staffId);
    if (!cookie) throw new Error('no session cookie');
    const home = await t.http.get('/console').set('Cookie', cookie).expect(200);
    return { cookie, csrf: formToken(home.text) };
  };

  it('signs in with a Secure, HttpOnly, SameSite=Lax session cookie and goes home', async () => {
    const { response, setCookie } = await consoleSignIn(t, council.admin.id);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/console');
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).not.toMatch(/Domain=/i);
  });

  it('keeps only a hash of the token in the database', async () => {
    const { cookie } = await signedIn();
    const token = cookie.split('=')[1];
    const rows = await t.db.query<{ id: string }>(`SELECT id FROM console_sessions`);
    expect(rows.map((row) => row.id)).not.toContain(token);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.id))).toBe(true);
  });

  it('shows the signed-in person and their roles on the start page', async () => {
    const { cookie } = await signedIn();
    const home = await t.http.get('/console').set('Cookie', cookie).expect(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect(home.text).toContain('<title>Home – Crier – Test Borough Council</title>');
    expect(home.text).toContain('lang="en-GB"');
    expect(home.text).toContain('Signed in as Administrator');
    expect(home.text).toContain('Your roles: admin.');
    expect(home.headers['cache-control']).toBe('no-store');
  });

  it("sends someone who opens Crier's bare address to the console", async () => {
    const response = await t.http.get('/');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/console');
  });

  it('sends a console page without a session to sign in, remembering where it was going', async () => {
    const response = await t.http.get('/console?x=1').expect(303);
    expect(response.headers.location).toBe('/console/sign-in?next=%2Fconsole%3Fx%3D1');
  });

  it('does not accept a bearer token for a page, nor a session cookie for the API', async () => {
    const page = await t.http.get('/console').set(council.bearer(council.admin));
    expect(page.status).toBe(303);
    expect(page.headers.location).toMatch(/^\/console\/sign-in/);
    const { cookie } = await signedIn();
    const api = await t.http.get('/api/v1/me').set('Cookie', cookie);
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('ends the session at sign-out: the old cookie no longer signs in', async () => {
    const { cookie, csrf } = await signedIn();
    const out = await t.http
      .post('/console/sign-out')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/console/sign-in');
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    const again = await t.http.get('/console').set('Cookie', cookie);
    expect(again.status).toBe(303);
    expect(again.headers.location).toMatch(/^\/console\/sign-in/);
  });

  it('writes each sign-in and sign-out to the audit log, by pseudonym, with how they signed in', async () => {
    const events = async () =>
      t.db.query<{ type: string; payload: string; actor_ref: string }>(
        `SELECT type, payload, actor_ref FROM audit_events
          WHERE type IN ('staff.signed_in', 'staff.signed_out') ORDER BY seq`,
      );
    const before = (await events()).length;
    const { cookie, csrf } = await signedIn();
    await t.http.post('/console/sign-out').set('Cookie', cookie).type('form').send({ _csrf: csrf });
    const [signIn, signOut] = (await events()).slice(before);
    expect(signIn.type).toBe('staff.signed_in');
    expect(JSON.parse(signIn.payload)).toMatchObject({ data: { method: 'local', to: 'console' } });
    expect(signOut.type).toBe('staff.signed_out');
    expect(signOut.actor_ref).toBe(signIn.actor_ref);
    expect(signIn.payload).not.toContain('@');
  });

  it('refuses a console form post without the right _csrf (403 page)', async () => {
    const { cookie, csrf } = await signedIn();
    for (const body of [{}, { _csrf: `${csrf}x` }, { _csrf: '' }]) {
      const response = await t.http
        .post('/console/sign-out')
        .set('Cookie', cookie)
        .type('form')
        .send(body);
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('You do not have access to this page');
      expect(response.text).toContain('This form has expired');
    }
    // Still signed in: a refused post changes nothing.
    await t.http.get('/console').set('Cookie', cookie).expect(200);
  });

  it('refuses a sign-in posted from another site (403)', async () => {
    const foreign = await t.http
      .post('/console/sign-in/local')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ staffId: council.admin.id });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['set-cookie']).toBeUndefined();
    const crossSite = await t.http
      .post('/console/sign-in/local')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Origin', t.url)
      .type('form')
      .send({ staffId: council.admin.id });
    expect(crossSite.status).toBe(403);
    const noOrigin = await t.http
      .post('/console/sign-in/local')
      .type('form')
      .send({ staffId: council.admin.id });
    expect(noOrigin.status).toBe(403);
  });

  it('sends an expired or idle session to sign in, and removes it', async () => {
    for (const change of [
      `expires_at = now() - interval '1 second'`,
      `last_seen_at = now() - interval '31 minutes'`,
    ]) {
      await t.db.query(`DELETE FROM console_sessions`);
      const { cookie } = await signedIn();
      await t.db.query(`UPDATE console_sessions SET ${change}`);
      const response = await t.http.get('/console').set('Cookie', cookie);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/console/sign-in');
      const [{ count }] = await t.db.query<{ count: string }>(
        `SELECT count(*) FROM console_sessions`,
      );
      expect(Number(count)).toBe(0);
    }
  });

  it('ends the session of someone who has been disabled', async () => {
    const { cookie } = await signedIn(council.auditor.id);
    await t.http
      .patch(`/api/v1/staff/${council.auditor.id}`)
      .set(council.bearer(council.admin))
      .send({ active: false })
      .expect(200);
    const response = await t.http.get('/console').set('Cookie', cookie);
    expect(response.status).toBe(303);
    await t.http
      .patch(`/api/v1/staff/${council.auditor.id}`)
      .set(council.bearer(council.admin))
      .send({ active: true })
      .expect(200);
  });

  it('follows `next` within the console only', async () => {
    const inside = await consoleSignIn(t, council.admin.id, '/console?from=link');
    expect(inside.response.headers.location).toBe('/console?from=link');
    for (const next of ['https://evil.example/console', '//evil.example', '/\\evil.example']) {
      const outside = await consoleSignIn(t, council.admin.id, next);
      expect(outside.response.status).toBe(303);
      expect(outside.response.headers.location).toBe('/console');
    }
    const page = await t.http.get('/console/sign-in?next=https://evil.example').expect(200);
    expect(page.text).not.toContain('evil.example');
  });

  it('sets a strict CSP whose nonce is the one on the inline script', async () => {
    const response = await t.http.get('/console/sign-in').expect(200);
    const policy = String(response.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.text).toContain(`<script nonce="${nonce}">`);
    const scripts = response.text.match(/<script[^>]*>/g) ?? [];
    expect(scripts.every((tag) => tag.includes(`nonce="${nonce}"`) || tag.includes('src='))).toBe(
      true,
    );
    const second = await t.http.get('/console/sign-in');
    expect(second.headers['content-security-policy']).not.toBe(policy);
  });

  it('answers bad input, unknown pages and unknown people with HTML pages, never a 500', async () => {
    const bad = await t.http
      .post('/console/sign-in/local')
      .set('Origin', t.url)
      .type('form')
      .send({ staffId: 'not-a-uuid', extra: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Sorry, there is a problem with what was sent');
    const unknown = await t.http
      .post('/console/sign-in/local')
      .set('Origin', t.url)
      .type('form')
      .send({ staffId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(403);
    const tooBig = await t.http
      .post('/console/sign-in/local')
      .set('Origin', t.url)
      .type('form')
      .send({ staffId: 'x'.repeat(40_000) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers['content-type']).toMatch(/^text\/html/);
    const missing = await t.http.get('/console/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Page not found');
    // The API keeps its JSON.
    const api = await t.http.get('/api/v1/no-such-route');
    expect(api.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('serves govuk-frontend assets with long caching', async () => {
    const css = await t.http.get('/assets/govuk-frontend.min.css').expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.headers['cache-control']).toMatch(/max-age=86400/);
    const font = /url\((\/assets\/fonts\/[^)]+\.woff2)\)/.exec(css.text)?.[1];
    const fontResponse = await t.http.get(font!).expect(200);
    expect(fontResponse.headers['cache-control']).toMatch(/max-age=31536000, immutable/);
    const init = await t.http.get('/assets/crier/init.mjs').expect(200);
    expect(init.headers['content-type']).toMatch(/javascript/);
    expect(init.text).toContain('initAll');
    await t.http.get('/assets/govuk-frontend.min.js').expect(200);
  });
});
