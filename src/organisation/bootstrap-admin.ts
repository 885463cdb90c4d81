import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { OrganisationService } from './organisation.service.js';

/** After the first start there is always someone who can administer Crier. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organisation: OrganisationService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.bootstrapAdminEmail) {
      await this.organisation.ensureBootstrapAdmin(this.config.bootstrapAdminEmail);
    }
  }
}
