import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditLog } from '../../audit/audit-log.service.js';
import type { PageSessions } from '../../auth/page-sessions.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { SeeOther } from '../../common/errors/see-other.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { Actor } from '../../organisation/actor.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { isUnsafeMethod } from '../../web/page-paths.js';
import { WebErrors } from '../../web/web.errors.js';
import { consoleLayout } from '../console-layout.js';
import { signInPath } from '../next-path.js';
import { ConsoleSessionRepository } from './console-session.repository.js';
import { formTokenMatches, newSecret, sessionId } from './form-token.js';
import {
  expiresAt,
  idleCutoff,
  isLive,
  needsTouch,
  sessionPolicy,
  type SessionPolicy,
} from './session-lifetime.js';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './session-cookie.js';

/** How someone proved who they are: recorded with each sign-in. */
export type SignInMethod = 'local' | 'microsoft';

/** Signs staff in and out of the console, and finds who is behind a page request. */
@Injectable()
export class ConsoleSessionService implements PageSessions {
  private readonly policy: SessionPolicy;

  constructor(
    private readonly sessions: ConsoleSessionRepository,
    private readonly organisation: OrganisationService,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = sessionPolicy(
      config.console.sessionIdleMinutes,
      config.console.sessionLifetimeHours,
    );
  }

  /**
   * A new session for an active member of staff (any session the browser had is ended), and the
   * audit event saying who signed in and how, committed together.
   */
  async start(
    staffId: string,
    method: SignInMethod,
    request: Request,
    response: Response,
  ): Promise<void> {
    const token = newSecret();
    await this.uow.run(async () => {
      // The old session goes; the new cookie below replaces the old one in the browser.
      await this.deleteCurrent(request);
      const now = this.clock.now();
      // Sessions nobody signed out of are cleared here rather than by a job: sign-ins are
      // frequent enough.
      await this.sessions.deleteExpired(now, idleCutoff(now, this.policy));
      await this.sessions.insert({
        id: sessionId(token),
        staffId,
        csrfToken: newSecret(),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: expiresAt(now, this.policy),
      });
      await this.audit.record({
        type: 'staff.signed_in',
        actor: { kind: 'staff', id: staffId },
        data: { method, to: 'console' },
      });
    });
    setSessionCookie(response, token);
  }

  async end(request: Request, response: Response): Promise<void> {
    await this.uow.run(async () => {
      const ended = await this.deleteCurrent(request);
      if (ended) {
        await this.audit.record({
          type: 'staff.signed_out',
          actor: { kind: 'staff', id: ended.staffId },
          data: { from: 'console' },
        });
      }
    });
    clearSessionCookie(response);
  }

  /** Ends the browser's current session, if it has one; says whose it was. */
  private async deleteCurrent(request: Request): Promise<{ staffId: string } | null> {
    const token = readSessionToken(request);
    if (!token) return null;
    const session = await this.sessions.find(sessionId(token));
    await this.sessions.delete(sessionId(token));
    return session ? { staffId: session.staffId } : null;
  }

  /**
   * The signed-in actor; a 303 to sign in when the session is missing, over, or its person is no
   * longer active. An unsafe method must carry the session's form token as `_csrf`.
   */
  async signedIn(request: Request, response: Response): Promise<Actor> {
    const token = readSessionToken(request);
    const session = token ? await this.sessions.find(sessionId(token)) : null;
    const now = this.clock.now();
    const actor =
      session && isLive(session, now, this.policy)
        ? await this.organisation.findActorById(session.staffId)
        : null;
    if (!session || !actor?.active) {
      if (session) await this.sessions.delete(session.id);
      if (token) clearSessionCookie(response);
      // After signing in, a GET can be repeated; a form post cannot, so it starts from home.
      throw new SeeOther(
        signInPath(isUnsafeMethod(request.method) ? undefined : request.originalUrl),
      );
    }
    if (isUnsafeMethod(request.method)) this.requireFormToken(request, session.csrfToken);
    if (needsTouch(session, now)) await this.sessions.touch(session.id, now);
    const { active: _active, ...signedIn } = actor;
    response.locals.console = consoleLayout(signedIn, session.csrfToken, request.path);
    return signedIn;
  }

  private requireFormToken(request: Request, expected: string): void {
    const body = request.body as Record<string, unknown> | undefined;
    if (!formTokenMatches(body?._csrf, expected)) throw WebErrors.csrfInvalid();
    // Checked and done with: the form's own DTO (which refuses unknown fields) never sees it.
    delete body!._csrf;
  }
}
