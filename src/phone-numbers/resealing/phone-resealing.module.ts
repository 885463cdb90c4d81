import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { PhoneResealingRepository } from './phone-resealing.repository.js';
import { PhoneResealingSchedule } from './phone-resealing.schedule.js';
import { PhoneResealingService } from './phone-resealing.service.js';

/**
 * Key rotation for numbers at rest: re-sealing under the newest key. The app schedules it; the
 * `phone-keys:reseal` command uses it without the schedule.
 */
@Module({})
export class PhoneResealingModule {
  static forRoot(options: { schedule: boolean }): DynamicModule {
    return {
      module: PhoneResealingModule,
      imports: [AuditModule],
      providers: [
        PhoneResealingRepository,
        PhoneResealingService,
        ...(options.schedule ? [PhoneResealingSchedule] : []),
      ],
      exports: [PhoneResealingService],
    };
  }
}
