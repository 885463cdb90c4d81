import { Module } from '@nestjs/common';
import { AudienceModule } from '../audience/audience.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { DemoCouncilSeeder } from './demo-council.seeder.js';

@Module({
  imports: [OrganisationModule, ChannelsModule, AudienceModule],
  providers: [DemoCouncilSeeder],
})
export class DemoModule {}
