import type { Role } from './role.js';

/** A signed-in, active staff member as Crier's own records describe them. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  serviceIds: string[];
}

export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  roles.some((role) => actor.roles.includes(role));
