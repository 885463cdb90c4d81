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
