/** Environment for alert tests: loopback receivers allowed, fast retries, quick reclaim of a dead evaluator's changes. */
export const ALERT_ENV = {
  OUTBOUND_ALLOWLIST: '127.0.0.1',
  PUBLIC_URL: 'http://desk.example.test',
  // Retries every ~0.3, 0.6, 1.2, then ~2 s: a receiver down 20 s gets the alert within ~2 s of its return.
  DELIVERY_BACKOFF_MS: '300',
  DELIVERY_BACKOFF_MAX_MS: '2000',
  DELIVERY_ATTEMPTS: '25',
  ALERTS_CLAIM_IDLE_MS: '3000',
};
