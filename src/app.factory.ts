import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { HttpErrorFilter } from './common/errors/http-error.filter.js';
import { installJsonBodyParsing } from './common/http/body-parsing.js';
import { installSecurityHeaders } from './common/http/security-headers.js';
import { validationPipe } from './common/http/validation.js';
import { serveOpenApi } from './openapi/openapi-document.js';
import { installPages } from './web/install-pages.js';
import { isPagePath } from './web/page-paths.js';
import { PageRenderer } from './web/page-renderer.js';

/** Builds the HTTP application the same way for `npm start`, tests and benchmarks. */
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    logger: loggerLevels(options.config.logLevel),
  });
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  express.set('trust proxy', options.config.http.trustProxy);
  installSecurityHeaders(express);
  const pages = app.get(PageRenderer);
  installPages(express, pages);
  installJsonBodyParsing(express, options.config.http.bodyLimitBytes);
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new HttpErrorFilter({ isPage: isPagePath, render: pages }));
  serveOpenApi(app);
  return app;
}

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

function loggerLevels(level: (typeof LEVELS)[number]) {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}
