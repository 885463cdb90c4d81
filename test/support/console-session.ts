import type { TestApp } from './test-app.js';

export const SESSION_COOKIE = '__Host-crier-session';

/** Signs in through the local sign-in form, as a browser on the app's own origin would. */
export async function consoleSignIn(t: TestApp, staffId: string, next?: string) {
  const response = await t.http
    .post('/console/sign-in/local')
    .set('Origin', t.url)
    .type('form')
    .send({ staffId, ...(next ? { next } : {}) });
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const session = setCookie.find((line) => line.startsWith(`${SESSION_COOKIE}=`));
  return { response, setCookie: session, cookie: session?.split(';')[0] };
}

/** The `_csrf` field of the first form on a page. */
export function formToken(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no _csrf field on the page');
  return token;
}

/** A urlencoded body with repeated names, as a browser posts ticked checkboxes. */
export function formBody(fields: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of ([] as string[]).concat(value)) body.append(name, one);
  }
  return body.toString();
}

/**
 * Signed in to the console as this member of staff: their home page, and `get` and `post` (a
 * form, with the session's `_csrf`) with the session cookie.
 */
export async function consoleSession(t: TestApp, staffId: string) {
  const { cookie } = await consoleSignIn(t, staffId);
  if (!cookie) throw new Error('no session cookie');
  const home = await t.http.get('/console').set('Cookie', cookie).expect(200);
  const csrf = formToken(home.text);
  return {
    home,
    get: (path: string) => t.http.get(path).set('Cookie', cookie),
    post: (path: string, fields: Record<string, string | string[]> = {}) =>
      t.http
        .post(path)
        .set('Cookie', cookie)
        .type('form')
        .send(formBody({ ...fields, _csrf: csrf })),
  };
}
