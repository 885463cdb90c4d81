import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { HomeController } from './home.controller.js';
import { PageInterceptor } from './page.interceptor.js';
import { PageRenderer } from './page-renderer.js';

/** The plumbing every HTML page shares: templates, rendering, and the `page()` result. */
@Global()
@Module({
  controllers: [HomeController],
  providers: [PageRenderer, { provide: APP_INTERCEPTOR, useClass: PageInterceptor }],
  exports: [PageRenderer],
})
export class WebModule {}
