import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { loadPhoneKeys } from './phone-keys.loader.js';
import { PhoneVault } from './phone-vault.js';

/** Protection for phone numbers at rest, shared by every module that holds one. */
@Global()
@Module({
  providers: [
    {
      provide: PhoneVault,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) =>
        new PhoneVault(await loadPhoneKeys(config.phoneKeys)),
    },
  ],
  exports: [PhoneVault],
})
export class PhoneNumbersModule {}
