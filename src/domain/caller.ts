/**
 * Who is calling, as the server established it from the request's `Authorization` header.
 * Reads are public; writes need an identified caller whose role is {@link EDITOR_ROLE}.
 */
export type Caller =
  | { kind: 'anonymous' }
  /** A credential was presented and not accepted; `reason` is safe to show the caller. */
  | { kind: 'rejected'; reason: string }
  /** `issuer`: a JWT's `iss` claim, when it had one. */
  | { kind: 'identified'; id: string; role: string; method: 'api-key' | 'jwt'; issuer?: string };

/** The role that may write. */
export const EDITOR_ROLE = 'editor';

export const ANONYMOUS: Caller = { kind: 'anonymous' };
