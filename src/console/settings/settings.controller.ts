import { Controller, Get, Inject } from '@nestjs/common';
import { ConsolePage } from '../../auth/access.decorators.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { page, type Page } from '../../web/page.js';

/** The settings index, and the templates page (which only explains: Meta holds templates). */
@Controller('console/settings')
export class SettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ConsolePage('admin')
  index(): Page {
    return page('console/settings/index');
  }

  @Get('templates')
  @ConsolePage('admin')
  templates(): Page {
    return page('console/settings/templates', {
      optInTemplate: this.config.whatsapp.optInTemplate,
    });
  }
}
