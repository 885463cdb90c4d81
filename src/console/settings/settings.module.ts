import { Module } from '@nestjs/common';
import { AudienceModule } from '../../audience/audience.module.js';
import { ChannelsModule } from '../../channels/channels.module.js';
import { OrganisationModule } from '../../organisation/organisation.module.js';
import { PostcodesModule } from '../../postcodes/postcodes.module.js';
import { AudiencePageController } from './audience.controller.js';
import { ChannelsPageController } from './channels.controller.js';
import { ServicesPageController } from './services.controller.js';
import { SettingsController } from './settings.controller.js';
import { StaffPageController } from './staff.controller.js';

/** The admin's settings pages under /console/settings. */
@Module({
  imports: [OrganisationModule, ChannelsModule, AudienceModule, PostcodesModule],
  controllers: [
    SettingsController,
    ServicesPageController,
    StaffPageController,
    ChannelsPageController,
    AudiencePageController,
  ],
})
export class ConsoleSettingsModule {}
