import { Module } from '@nestjs/common';
import { ResidentsModule } from '../../residents/residents.module.js';
import { ImportPageController } from './import.controller.js';
import { PrivacyPageController } from './privacy.controller.js';
import { ReconciliationsPageController } from './reconciliations.controller.js';
import { ResidentsPageController } from './residents.controller.js';

/** The admin's residents pages under /console/residents. */
@Module({
  imports: [ResidentsModule],
  controllers: [
    ResidentsPageController,
    ImportPageController,
    ReconciliationsPageController,
    PrivacyPageController,
  ],
})
export class ConsoleResidentsModule {}
