import { type DynamicModule, Module } from '@nestjs/common';
import { PAGE_SESSIONS } from '../auth/page-sessions.js';
import type { AppConfig } from '../config/app-config.js';
import { AuditModule } from '../audit/audit.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { ConsoleAuditModule } from './audit/console-audit.module.js';
import { ConsoleStartController } from './console-start.controller.js';
import { DeliveryPagesModule } from './delivery/delivery.module.js';
import { ConsoleEmergencyModule } from './emergency/console-emergency.module.js';
import { ConsoleInboxModule } from './inbox/console-inbox.module.js';
import { LocalSignInController } from './local-sign-in.controller.js';
import { ConsoleMessagesModule } from './messages/console-messages.module.js';
import { ConsolePollsModule } from './polls/console-polls.module.js';
import { ConsoleReviewModule } from './review/console-review.module.js';
import { ConsoleResidentsModule } from './residents/console-residents.module.js';
import { MicrosoftSignInController } from './microsoft-sign-in.controller.js';
import { MicrosoftSignIn } from './microsoft/microsoft-sign-in.js';
import { ConsoleSessionRepository } from './sessions/console-session.repository.js';
import { ConsoleSessionService } from './sessions/console-session.service.js';
import { ConsoleSettingsModule } from './settings/settings.module.js';
import { SignInController } from './sign-in.controller.js';
import { TrainingModule } from './training/training.module.js';

/**
 * The staff console: server-rendered pages under /console, signed in with a session cookie.
 * Global so that the AuthGuard (in AuthModule) finds PAGE_SESSIONS without importing the
 * console, as it finds TOKEN_VERIFIER without knowing which identity provider is in use.
 */
@Module({})
export class ConsoleModule {
  static forRoot(config: AppConfig): DynamicModule {
    const signIn = config.auth.mode === 'local' ? LocalSignInController : MicrosoftSignInController;
    return {
      module: ConsoleModule,
      global: true,
      imports: [
        AuditModule,
        OrganisationModule,
        DeliveryPagesModule,
        ConsoleMessagesModule,
        ConsolePollsModule,
        TrainingModule,
        ConsoleReviewModule,
        ConsoleAuditModule,
        ConsoleSettingsModule,
        ConsoleResidentsModule,
        ConsoleInboxModule,
        ConsoleEmergencyModule,
      ],
      controllers: [SignInController, signIn, ConsoleStartController],
      providers: [
        MicrosoftSignIn,
        ConsoleSessionRepository,
        ConsoleSessionService,
        { provide: PAGE_SESSIONS, useExisting: ConsoleSessionService },
      ],
      exports: [PAGE_SESSIONS],
    };
  }
}
