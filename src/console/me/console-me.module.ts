import { Module } from '@nestjs/common';
import { OrganisationModule } from '../../organisation/organisation.module.js';
import { TestPhonePageController } from './test-phone-page.controller.js';

/** Pages about the signed-in person's own settings. */
@Module({
  imports: [OrganisationModule],
  controllers: [TestPhonePageController],
})
export class ConsoleMeModule {}
