import { Module } from '@nestjs/common';
import { AudienceModule } from '../audience/audience.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { PostcodesModule } from '../postcodes/postcodes.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { DemoCouncilSeeder } from './demo-council.seeder.js';

@Module({
  imports: [OrganisationModule, ChannelsModule, AudienceModule, PostcodesModule, ResidentsModule],
  providers: [DemoCouncilSeeder],
})
export class DemoModule {}
