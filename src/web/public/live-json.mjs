// What the live console pages share: every few seconds ask for the page's JSON (the same figures
// the page was drawn from) and hand it to the page's script, which redraws the page in place and
// says when to ask again. Retries a dropped network a few times; stops when signed out. An ES
// module the page scripts import, served from /assets/crier like them, so the CSP's 'self'
// covers it.
// A browser script; the project's ESLint config knows Node's globals only.

/** Tries after a network failure, each waiting twice as long, before leaving the Refresh link. */
const MAX_FAILURES_IN_A_ROW = 5;

/**
 * Follows the JSON at `root`'s data-json-url, first after data-poll-seconds. `onModel` updates
 * the page from each answer and returns the seconds until the next ask, or null to stop.
 * Without both data attributes (the page is not live) it does nothing.
 */
export function followLiveJson(root, onModel) {
  const url = root.dataset.jsonUrl;
  const first = Number(root.dataset.pollSeconds);
  if (!url || !first) return;
  let failuresInARow = 0;

  const poll = async (seconds) => {
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    let model;
    try {
      const response = await fetch(url, {
        headers: { Accept: 'application/json' },
        cache: 'no-store',
      });
      // Signed out meanwhile (sent to the sign-in page) or no longer allowed: leave the page as it is.
      if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return;
      model = await response.json();
      failuresInARow = 0;
    } catch {
      // The network dropped: try again a little later, then give up and leave the Refresh link.
      failuresInARow += 1;
      if (failuresInARow < MAX_FAILURES_IN_A_ROW) poll(seconds * 2);
      return;
    }
    const next = onModel(model);
    if (next !== null && next !== undefined) poll(next);
  };
  poll(first);
}

/** Tells screen reader users, through the page's aria-live region. */
export function announce(text) {
  const region = document.querySelector('[data-live-announce]');
  if (region) region.textContent = text;
}

/** Sets an element's text, leaving it alone when unchanged (so nothing is read out again). */
export function setText(selector, text) {
  const element = document.querySelector(selector);
  if (element && element.textContent !== text) element.textContent = text;
}
