import type { Request, Response } from 'express';
import type { Actor } from '../organisation/actor.js';

/**
 * The seam between the guard and the console's sessions (implemented in src/console), as
 * TOKEN_VERIFIER is for bearer tokens. Implementations throw `SeeOther` to the sign-in page when
 * there is no live session, and a forbidden CrierError when an unsafe method lacks the session's
 * form token.
 */
export interface PageSessions {
  signedIn(request: Request, response: Response): Promise<Actor>;
}

export const PAGE_SESSIONS = Symbol('PAGE_SESSIONS');
