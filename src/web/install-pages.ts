import { join } from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { toErrorBody } from '../common/errors/http-error.filter.js';
import { bodyErrorFor } from '../common/http/body-parsing.js';
import { contentSecurityPolicy, newNonce } from './content-security-policy.js';
import { webPaths } from './package-paths.js';
import { PAGE_PREFIXES } from './page-paths.js';
import type { PageRenderer } from './page-renderer.js';
import { Logger } from '@nestjs/common';

/** Forms carry a few short fields; anything larger is not one of Crier's forms. */
const FORM_LIMIT_BYTES = 32 * 1024;
/** As the API's own limits for the same lists (src/common/http/body-parsing.ts). */
const LIST_FORM_LIMIT_BYTES = 5 * 1024 * 1024;
const LIST_FORM_PATHS = [
  '/console/residents/import',
  '/console/residents/reconciliations',
  '/console/settings/postcodes',
] as const;
const DAY_SECONDS = 24 * 60 * 60;
const YEAR_SECONDS = 365 * DAY_SECONDS;

/**
 * govuk-frontend's CSS, JS, fonts and images, and Crier's own static files, under /assets.
 * Fonts have a content hash in their names, so they never change: a year. The rest keep their
 * names across versions: a day (the layout adds `?v=<version>` to CSS and JS links).
 */
function serveAssets(app: Express): void {
  const { govukDist, publicFiles } = webPaths();
  const govuk = join(govukDist, 'govuk');
  const files = { index: false, fallthrough: true, redirect: false } as const;
  // The API's `no-store` would otherwise stand: send and serve-static never replace a header.
  app.use('/assets', (_req, res, next) => {
    res.removeHeader('Cache-Control');
    next();
  });
  app.use(
    '/assets/fonts',
    express.static(join(govuk, 'assets', 'fonts'), {
      ...files,
      maxAge: YEAR_SECONDS * 1000,
      immutable: true,
    }),
  );
  app.use('/assets/crier', express.static(publicFiles, { ...files, maxAge: DAY_SECONDS * 1000 }));
  app.use(
    '/assets',
    express.static(join(govuk, 'assets'), { ...files, maxAge: DAY_SECONDS * 1000 }),
  );
  // Of govuk-frontend's own folder, only the compiled CSS and JS (not its Sass or templates).
  const compiled = new Set(['/govuk-frontend.min.css', '/govuk-frontend.min.js']);
  const govukFiles = express.static(govuk, { ...files, maxAge: DAY_SECONDS * 1000 });
  app.use('/assets', (req, res, next) => {
    if (compiled.has(req.path)) govukFiles(req, res, next);
    else next();
  });
}

/**
 * Headers for pages, on top of the API's: a strict CSP with this response's nonce (the templates
 * read it from res.locals), and a referrer policy that still lets the browser send Origin with
 * Crier's own form posts (under `no-referrer` it sends `Origin: null`).
 */
function pageHeaders(app: Express): void {
  app.use([...PAGE_PREFIXES], (_req, res, next) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
}

/** HTML forms post `application/x-www-form-urlencoded`; flat fields only (no `a[b]=c` nesting). */
function formParsing(app: Express, pages: PageRenderer): void {
  const logger = new Logger('PageErrors');
  // The pages that take a pasted list: a council's residents, its master list of numbers, or its
  // postcodes run to megabytes. The general limit below then leaves their parsed body alone.
  app.use(
    [...LIST_FORM_PATHS],
    express.urlencoded({ extended: false, limit: LIST_FORM_LIMIT_BYTES, parameterLimit: 50 }),
  );
  app.use(
    [...PAGE_PREFIXES],
    express.urlencoded({ extended: false, limit: FORM_LIMIT_BYTES, parameterLimit: 50 }),
  );
  // Body parsing runs before Nest's filters, so a page's broken form gets its error page here.
  const formErrors: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    pages.sendError(res, bodyErrorFor(err) ?? toErrorBody(err, logger));
  };
  app.use([...PAGE_PREFIXES], formErrors);
}

export function installPages(app: Express, pages: PageRenderer): void {
  serveAssets(app);
  pageHeaders(app);
  formParsing(app, pages);
}
