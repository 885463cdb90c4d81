import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../organisation/actor.js';
import type { Role } from '../organisation/role.js';

export const ACCESS_RULE = 'crier:access-rule';

/** Every route declares exactly one of these; a route with none is refused (fail closed). */
export type AccessRule = { kind: 'public' } | { kind: 'staff'; roles: readonly Role[] | 'any' };

/** No sign-in needed: health checks, the local token route, webhooks, residents' pages. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any active staff member; finer rules (own service, four eyes) are applied by the service. */
export const AnyStaff = () =>
  SetMetadata(ACCESS_RULE, { kind: 'staff', roles: 'any' } satisfies AccessRule);

/** An active staff member holding at least one of these roles. */
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'staff', roles } satisfies AccessRule);

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without a staff access rule');
  return actor;
});
