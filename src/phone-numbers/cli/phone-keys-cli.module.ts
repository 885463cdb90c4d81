import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ClockModule } from '../../common/clock.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { ConfigModule } from '../../config/config.module.js';
import { DatabaseModule } from '../../database/database.module.js';
import { PhoneNumbersModule } from '../phone-numbers.module.js';
import { PhoneResealingModule } from '../resealing/phone-resealing.module.js';

/** Just enough of Crier to re-seal phone numbers from the command line. */
@Module({})
export class PhoneKeysCliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const quiet: AppConfig = {
      ...config,
      audit: { ...config.audit, checkpointIntervalSeconds: 0 },
    };
    return {
      module: PhoneKeysCliModule,
      imports: [
        ConfigModule.forRoot(quiet),
        ClockModule.forRoot(),
        ScheduleModule.forRoot(),
        DatabaseModule.forRoot(databaseUrl, false),
        PhoneNumbersModule,
        PhoneResealingModule.forRoot({ schedule: false }),
      ],
    };
  }
}
