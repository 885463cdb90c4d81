/** Who a bearer token says someone is. Roles never come from the token: Crier holds them. */
export interface VerifiedIdentity {
  /** The identity provider's stable id for the person (Entra ID `oid`, or the local staff id). */
  subject: string;
  email: string;
}

/**
 * The one seam between Crier and an identity provider. Implementations throw
 * `AuthErrors.invalidToken` for any token they do not accept.
 */
export interface TokenVerifier {
  verify(token: string): Promise<VerifiedIdentity>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
