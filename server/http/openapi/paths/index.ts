/**
 * Every route the app serves, described. A route mounted under server/http/ and missing here
 * fails test/openapi.test.ts, which names it: add it to the file of its resource.
 */
import type { RouteDoc } from '../route.js';
import { accountRoutes } from './accounts.js';
import { crisisRoutes } from './crises.js';
import { operationRoutes } from './operations.js';
import { reportRoutes } from './reports.js';
import { sourceRoutes } from './sources.js';
import { subscriptionRoutes } from './subscriptions.js';
import { verificationRoutes } from './verification.js';

export const routeDocs: RouteDoc[] = [
  ...reportRoutes,
  ...crisisRoutes,
  ...accountRoutes,
  ...sourceRoutes,
  ...subscriptionRoutes,
  ...verificationRoutes,
  ...operationRoutes,
];
