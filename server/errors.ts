/**
 * The errors the app raises on purpose, each with a stable code and HTTP status.
 * http/errorHandler.ts maps them once; anything else is an unexpected 500 (logged, never leaked).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class BadRequest extends AppError {
  constructor(message: string, details?: unknown, code = 'bad_request') {
    super(400, code, message, details);
  }
}
export class Unauthorized extends AppError {
  constructor(message = 'Authentication required: send Authorization: Bearer <token> or sign in') {
    super(401, 'unauthorized', message);
  }
}
export class Forbidden extends AppError {
  constructor(message = 'Your role does not allow this') {
    super(403, 'forbidden', message);
  }
}
export class NotFound extends AppError {
  constructor(message = 'Not found') {
    super(404, 'not_found', message);
  }
}
export class Conflict extends AppError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}
export class ServiceUnavailable extends AppError {
  constructor(message = 'The store (Redis) is unreachable; try again shortly') {
    super(503, 'unavailable', message);
  }
}

/** Most entries a report's audit trail keeps: past it, flags and crises of the report are refused (AuditFull). */
export const MAX_AUDIT_PER_REPORT = 1000;
/** Most corrections of one report (each re-fold reads them all). */
export const MAX_CORRECTIONS_PER_REPORT = 100;

/** A report's audit trail (or its corrections) is full: the action is refused, nothing is dropped. */
export class AuditFull extends AppError {
  constructor(what: string) {
    super(409, 'audit_full', what);
  }
}

/** True when Redis refuses a write because it reached maxmemory (noeviction): nothing accepted is evicted. */
export function isStoreFull(err: unknown): boolean {
  return err instanceof Error && /^OOM command not allowed/.test(err.message);
}

/** True when an error comes from a Redis connection that is down or timing out. */
export function isRedisDown(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return /Stream isn't writeable|enableOfflineQueue|Connection is closed|ECONNREFUSED|Command timed out|ENOENT|EPIPE|ECONNRESET|max retries/i.test(
    err.message,
  );
}
