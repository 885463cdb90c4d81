import type { Express } from 'express';

/**
 * Conservative headers for a JSON API. Pages add their own CSP and referrer policy
 * (src/web/install-pages.ts); static assets replace `no-store` with their own caching.
 */
export function installSecurityHeaders(app: Express): void {
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
}
