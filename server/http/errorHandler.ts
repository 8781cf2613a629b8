/** Maps errors to `{error:{code,message}}` once; unexpected errors are logged and never leak a stack. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, isRedisDown, isStoreFull } from '../errors.js';

type BodyParserError = Error & { type?: string; status?: number; limit?: number };

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const body = (status: number, code: string, message: string, details?: unknown) =>
      res.status(status).json({ error: { code, message, ...(details ? { details } : {}) } });
    if (err instanceof AppError) return body(err.status, err.code, err.message, err.details);
    const bp = err as BodyParserError;
    switch (bp?.type) {
      case 'entity.too.large':
        return body(413, 'too_large', `The request body is larger than the ${bp.limit ?? 1_000_000} byte limit`);
      case 'entity.parse.failed':
        return body(400, 'invalid_json', 'The body is not valid JSON');
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return body(415, 'unsupported_encoding', bp.message);
      case 'request.aborted':
        return body(400, 'aborted', 'The request was aborted');
      default:
        break;
    }
    if (bp?.status && bp.status >= 400 && bp.status < 500) return body(bp.status, 'bad_request', bp.message);
    if (isRedisDown(err)) return body(503, 'unavailable', 'The store (Redis) is unreachable; try again shortly');
    if (isStoreFull(err)) {
      log.error({ path: req.path }, 'Redis is at maxmemory: writes are refused (docs/security.md, "Storage bounds")');
      return body(
        507,
        'store_full',
        'The store (Redis) is full (maxmemory reached): nothing was written, and nothing stored was dropped. Tell the operator: raise maxmemory or set REPORT_RETENTION_DAYS.',
      );
    }
    log.error({ err, path: req.path }, 'unexpected error');
    return body(500, 'internal', 'Something went wrong on our side; it has been logged');
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: `No route for ${req.method} ${req.path}` } });
};
