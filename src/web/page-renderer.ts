import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Environment } from 'nunjucks';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { ErrorBody } from '../common/errors/error-status.js';
import { errorPage } from './error-pages.js';
import { webPaths } from './package-paths.js';
import { createViewEnvironment } from './view-environment.js';

/**
 * Renders templates with what every page needs: the service and council names, the asset path,
 * and whatever this request's middleware and guard put in `res.locals` (the CSP nonce, the
 * signed-in person, the console's navigation and form token).
 */
@Injectable()
export class PageRenderer {
  private readonly env: Environment;
  private readonly globals: Record<string, unknown>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const paths = webPaths();
    this.env = createViewEnvironment(paths);
    this.globals = {
      councilName: config.console.councilName,
      assetPath: '/assets',
      // Appended to CSS and JS links, which are cached for a day, so an upgrade shows at once.
      assetVersion: paths.govukVersion,
    };
  }

  html(response: Response, view: string, context: Record<string, unknown> = {}): string {
    return this.env.render(view, { ...this.globals, ...response.locals, ...context });
  }

  send(response: Response, status: number, view: string, context: Record<string, unknown> = {}) {
    response
      .status(status)
      .type('html')
      .send(this.html(response, view, context));
  }

  /** The GOV.UK-style error page for an error body; signed-in pages keep their header. */
  sendError(response: Response, error: ErrorBody): void {
    const content = errorPage(error.statusCode, error.message);
    this.send(response, error.statusCode, 'errors/error.njk', {
      ...content,
      consolePath: (response.req?.path ?? '').startsWith('/console'),
    });
  }
}
