import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole } from '../organisation/actor.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { ACCESS_RULE, type AccessRule, type AuthenticatedRequest } from './access.decorators.js';
import { AuthErrors } from './auth.errors.js';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Applied to every route. The token says who someone is; Crier's own staff records say whether
 * they are active and what they may do.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly organisation: OrganisationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw AuthErrors.noAccessRule();
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw AuthErrors.tokenRequired();
    const identity = await this.verifier.verify(token);

    const staff = await this.organisation.findActorByEmail(identity.email);
    if (!staff) throw AuthErrors.notRegistered();
    if (!staff.active) throw AuthErrors.disabled();
    const { active: _active, ...actor } = staff;
    if (rule.roles !== 'any' && !hasRole(actor, ...rule.roles)) {
      throw AuthErrors.roleRequired(rule.roles);
    }
    request.actor = actor;
    return true;
  }
}
