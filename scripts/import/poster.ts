/**
 * POSTs one item to /api/reports and says what became of it. Transient trouble (429 with
 * its Retry-After, 503, a dropped connection) is retried with backoff; a refusal of the
 * report itself (400, 413, 415) is a rejection with the server's reason; a bad token stops
 * the whole import.
 */
import type { ImportItem } from './readers.js';

export type Outcome =
  | { status: 'accepted' | 'duplicate'; origin: string; id: string }
  | { status: 'rejected' | 'failed'; origin: string; reason: string };

/** The token was refused: no other item will fare better. */
export class AuthError extends Error {}

export type PostOptions = { baseUrl: string; token: string; attempts?: number; timeoutMs?: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seconds to wait from Retry-After or the draft-7 RateLimit header (reset=N), if present. */
function retryAfterMs(res: Response): number | undefined {
  const retry = Number(res.headers.get('retry-after'));
  if (retry > 0) return retry * 1000;
  const reset = /reset=(\d+)/.exec(res.headers.get('ratelimit') ?? '');
  return reset ? Number(reset[1]) * 1000 : undefined;
}

/** fetch() hides the socket error in `cause` (an AggregateError when it tried IPv4 and IPv6). */
function networkReason(err: unknown): string {
  type Cause = { code?: string; message?: string; errors?: { code?: string }[] };
  const cause = (err as { cause?: Cause }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (err as Error).message;
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

export async function postItem(item: ImportItem, options: PostOptions): Promise<Outcome> {
  const attempts = options.attempts ?? 6;
  let lastReason = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const backoff = Math.min(250 * 2 ** (attempt - 1), 8000);
    let res: Response;
    try {
      res = await fetch(`${options.baseUrl}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': item.contentType, authorization: `Bearer ${options.token}` },
        body: item.body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      lastReason = `could not reach ${options.baseUrl}: ${networkReason(err)}`;
      if (attempt < attempts) await sleep(backoff);
      continue;
    }
    if (res.status === 202 || res.status === 200) {
      const body = (await res.json()) as { id: string; status: 'queued' | 'duplicate' };
      return { status: body.status === 'duplicate' ? 'duplicate' : 'accepted', origin: item.origin, id: body.id };
    }
    if (res.status === 401 || res.status === 403)
      throw new AuthError(`The server refused the token (${res.status}): ${await errorMessage(res)}`);
    if (res.status === 429 || res.status >= 500) {
      lastReason = `${res.status}: ${await errorMessage(res)}`;
      if (attempt < attempts) await sleep(res.status === 429 ? (retryAfterMs(res) ?? backoff) : backoff);
      continue;
    }
    return { status: 'rejected', origin: item.origin, reason: await errorMessage(res) };
  }
  return { status: 'failed', origin: item.origin, reason: `gave up after ${attempts} attempts: ${lastReason}` };
}
