/**
 * GET /api/openapi.json: the OpenAPI 3.1 description. Mounted before authentication: it says
 * nothing the source does not, and a client generator or an integrator reads it before holding
 * any credentials (a token sent along is not checked).
 */
import { Router } from 'express';
import { openApiDocument } from '../openapi/document.js';

export const OPENAPI_PATH = '/api/openapi.json';

export function openApiRouter(): Router {
  const router = Router();
  let body: string | null = null;
  router.get(OPENAPI_PATH, (_req, res) => {
    body ??= JSON.stringify(openApiDocument());
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/json').send(body);
  });
  return router;
}
