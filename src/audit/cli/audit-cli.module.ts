import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ClockModule } from '../../common/clock.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { ConfigModule } from '../../config/config.module.js';
import { DatabaseModule } from '../../database/database.module.js';
import { AuditModule } from '../audit.module.js';

/** Just enough of Crier to read and verify the audit log from the command line. */
@Module({})
export class AuditCliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const quiet: AppConfig = {
      ...config,
      audit: { ...config.audit, checkpointIntervalSeconds: 0 },
    };
    return {
      module: AuditCliModule,
      imports: [
        ConfigModule.forRoot(quiet),
        ClockModule.forRoot(),
        ScheduleModule.forRoot(),
        DatabaseModule.forRoot(databaseUrl, false),
        AuditModule,
      ],
    };
  }
}
