import { Controller, Get, Inject } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../auth/access.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Actor } from '../organisation/actor.js';
import { page, type Page } from '../web/page.js';
import { navigationFor } from './console-navigation.js';

/** The console's home page: who is signed in, where they can go, and how an alert goes out. */
@Controller('console')
export class ConsoleStartController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ConsolePage()
  start(@CurrentActor() actor: Actor): Page {
    return page('console/start', {
      actor,
      roles: actor.roles.map((role) => role.replace('_', ' ')),
      links: navigationFor(actor, '/console').filter((item) => item.href !== '/console'),
      // The demo council's people, named so a newcomer can play each part of an alert's life.
      demo: this.config.demoSeed,
    });
  }
}
