import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AudienceModule } from './audience/audience.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ChannelsModule } from './channels/channels.module.js';
import type { Clock } from './common/clock.js';
import { ClockModule } from './common/clock.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { ConsoleModule } from './console/console.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { FanoutModule } from './fanout/fanout.module.js';
import { HealthModule } from './health/health.module.js';
import { EmergencyReviewsModule } from './emergency-reviews/emergency-reviews.module.js';
import { InboxModule } from './inbox/inbox.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MessagesModule } from './messages/messages.module.js';
import { PollsModule } from './polls/polls.module.js';
import { OrganisationModule } from './organisation/organisation.module.js';
import { PhoneNumbersModule } from './phone-numbers/phone-numbers.module.js';
import { PhoneResealingModule } from './phone-numbers/resealing/phone-resealing.module.js';
import { PostcodesModule } from './postcodes/postcodes.module.js';
import { ResidentsModule } from './residents/residents.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { ResidentPagesModule } from './subscribe/resident-pages.module.js';
import { WebModule } from './web/web.module.js';
import { WhatsAppModule } from './whatsapp/whatsapp.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database to use: DATABASE_URL, or the embedded server's URL. */
  databaseUrl: string;
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        ScheduleModule.forRoot(),
        DatabaseModule.forRoot(databaseUrl, config.migrationsRun),
        JobsModule.forRoot(databaseUrl),
        PhoneNumbersModule,
        PhoneResealingModule.forRoot({ schedule: true }),
        AuditModule,
        OrganisationModule,
        AuthModule.forRoot(config),
        WebModule,
        ConsoleModule.forRoot(config),
        AudienceModule,
        ChannelsModule,
        MessagesModule,
        WhatsAppModule,
        FanoutModule,
        ResidentsModule,
        InboxModule,
        PollsModule,
        EmergencyReviewsModule,
        ResidentPagesModule,
        PostcodesModule,
        RetentionModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}
