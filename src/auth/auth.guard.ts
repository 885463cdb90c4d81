import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Actor, hasRole } from '../organisation/actor.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { ACCESS_RULE, type AccessRule, type AuthenticatedRequest } from './access.decorators.js';
import type { Role } from '../organisation/role.js';
import { AuthErrors } from './auth.errors.js';
import { PAGE_SESSIONS, type PageSessions } from './page-sessions.js';
import { isConsolePath, requireSameOriginForm } from './page-origin.js';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Applied to every route. The token (API) or the session (console pages) says who someone is;
 * Crier's own staff records say whether they are active and what they may do.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(PAGE_SESSIONS) private readonly pages: PageSessions,
    private readonly organisation: OrganisationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw AuthErrors.noAccessRule();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // A console route with an API rule would skip the session and form-token checks: closed.
    const pageRule = rule.kind === 'public-page' || rule.kind === 'console-page';
    if (isConsolePath(request.path) && !pageRule) throw AuthErrors.noAccessRule();
    switch (rule.kind) {
      case 'public':
        return true;
      case 'public-page':
        requireSameOriginForm(request);
        return true;
      case 'console-page': {
        const actor = await this.pages.signedIn(request, context.switchToHttp().getResponse());
        requireRoles(actor, rule.roles);
        request.actor = actor;
        return true;
      }
      case 'staff':
        request.actor = await this.bearerActor(request, rule.roles);
        return true;
    }
  }

  private async bearerActor(request: AuthenticatedRequest, roles: readonly Role[] | 'any') {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw AuthErrors.tokenRequired();
    const identity = await this.verifier.verify(token);

    const staff = await this.organisation.findActorByEmail(identity.email);
    if (!staff) throw AuthErrors.notRegistered();
    if (!staff.active) throw AuthErrors.disabled();
    const { active: _active, ...actor } = staff;
    requireRoles(actor, roles);
    return actor;
  }
}

function requireRoles(actor: Actor, roles: readonly Role[] | 'any'): void {
  if (roles !== 'any' && !hasRole(actor, ...roles)) throw AuthErrors.roleRequired(roles);
}
