import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { PageSessions } from '../../auth/page-sessions.js';
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

/** Signs staff in and out of the console, and finds who is behind a page request. */
@Injectable()
export class ConsoleSessionService implements PageSessions {
  private readonly policy: SessionPolicy;

  constructor(
    private readonly sessions: ConsoleSessionRepository,
    private readonly organisation: OrganisationService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = sessionPolicy(
      config.console.sessionIdleMinutes,
      config.console.sessionLifetimeHours,
    );
  }

  /** A new session for an active member of staff (any session the browser had is ended). */
  async start(staffId: string, request: Request, response: Response): Promise<void> {
    // The old session goes; the new cookie below replaces the old one in the browser.
    await this.deleteCurrent(request);
    const now = this.clock.now();
    // Sessions nobody signed out of are cleared here rather than by a job: sign-ins are frequent enough.
    await this.sessions.deleteExpired(now, idleCutoff(now, this.policy));
    const token = newSecret();
    await this.sessions.insert({
      id: sessionId(token),
      staffId,
      csrfToken: newSecret(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: expiresAt(now, this.policy),
    });
    setSessionCookie(response, token);
  }

  async end(request: Request, response: Response): Promise<void> {
    await this.deleteCurrent(request);
    clearSessionCookie(response);
  }

  private async deleteCurrent(request: Request): Promise<void> {
    const token = readSessionToken(request);
    if (token) await this.sessions.delete(sessionId(token));
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
