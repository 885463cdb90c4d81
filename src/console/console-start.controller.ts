import { Controller, Get } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../organisation/actor.js';
import { page, type Page } from '../web/page.js';
import { navigationFor } from './console-navigation.js';

/** The console's home page: who is signed in, and where they can go. */
@Controller('console')
export class ConsoleStartController {
  @Get()
  @ConsolePage()
  start(@CurrentActor() actor: Actor): Page {
    return page('console/start', {
      actor,
      roles: actor.roles.map((role) => role.replace('_', ' ')),
      links: navigationFor(actor, '/console').filter((item) => item.href !== '/console'),
    });
  }
}
