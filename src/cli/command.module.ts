import { type DynamicModule, type ForwardReference, Module, type Type } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ClockModule } from '../common/clock.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';

export type Feature = Type | DynamicModule | ForwardReference;

/**
 * Just enough of Crier for a command-line tool: the configuration (with periodic checkpoints
 * off: a command is not a server), the clock, the scheduler the features' modules declare jobs
 * on, the database without migrations, and the features it needs.
 */
@Module({})
export class CommandModule {
  static forRoot(config: AppConfig, databaseUrl: string, features: Feature[]): DynamicModule {
    const quiet: AppConfig = {
      ...config,
      audit: { ...config.audit, checkpointIntervalSeconds: 0 },
    };
    return {
      module: CommandModule,
      imports: [
        ConfigModule.forRoot(quiet),
        ClockModule.forRoot(),
        ScheduleModule.forRoot(),
        DatabaseModule.forRoot(databaseUrl, false),
        ...features,
      ],
    };
  }
}
