import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JOB_QUEUE } from './job-queue.js';
import { JOBS_DATABASE_URL, PgBossJobQueue } from './pg-boss.job-queue.js';

@Global()
@Module({})
export class JobsModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        { provide: JOBS_DATABASE_URL, useValue: databaseUrl },
        PgBossJobQueue,
        { provide: JOB_QUEUE, useExisting: PgBossJobQueue },
      ],
      exports: [JOB_QUEUE],
    };
  }
}
