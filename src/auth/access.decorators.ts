import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../organisation/actor.js';
import type { Role } from '../organisation/role.js';

export const ACCESS_RULE = 'crier:access-rule';

/**
 * Every route declares exactly one of these; a route with none is refused (fail closed). The API
 * (`staff`) takes bearer tokens only; console pages (`console-page`) take the session cookie
 * only, so a page cannot be driven by a stolen API token nor the API by a browser's cookie.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'staff'; roles: readonly Role[] | 'any' }
  | { kind: 'public-page' }
  | { kind: 'console-page'; roles: readonly Role[] | 'any' };

/** No sign-in needed: health checks, the local token route, webhooks, the public JSON API. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any active staff member; finer rules (own service, four eyes) are applied by the service. */
export const AnyStaff = () =>
  SetMetadata(ACCESS_RULE, { kind: 'staff', roles: 'any' } satisfies AccessRule);

/** An active staff member holding at least one of these roles. */
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'staff', roles } satisfies AccessRule);

/**
 * An HTML page anyone may open (console sign-in, residents' pages). Its form posts must come
 * from Crier's own pages (Sec-Fetch-Site or Origin), checked for every unsafe method.
 */
export const PublicPage = () =>
  SetMetadata(ACCESS_RULE, { kind: 'public-page' } satisfies AccessRule);

/**
 * A staff console page: a signed-in session (else a 303 to sign in), and, when roles are given,
 * one of them (else a 403 page). Every unsafe method must carry the session's `_csrf` field.
 */
export const ConsolePage = (...roles: Role[]) =>
  SetMetadata(ACCESS_RULE, {
    kind: 'console-page',
    roles: roles.length > 0 ? roles : 'any',
  } satisfies AccessRule);

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without a staff access rule');
  return actor;
});
