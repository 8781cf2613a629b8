/**
 * Child program: posts reports to api nodes over HTTP, either as fast as a bounded number
 * of requests in flight allows (a burst) or at a fixed rate (an open-loop schedule, so a
 * slow answer does not slow the offered load). Records when each POST was sent and when
 * its 202 came back, by report id. Bounded in count; stops by itself.
 */
import { serve } from '../lib/rpc.js';
import { sleep, wallMs } from '../lib/clock.js';
import { benchReport, quietReport, type BenchReport } from '../lib/reportTexts.js';

type PostArgs = {
  urls: string[];
  token: string;
  runId: string;
  /** First report index and how many. */
  from: number;
  count: number;
  /** dispatch: 3 KB with figures; quiet: a short note (one change); mixed: every tenth a dispatch. */
  kind?: 'dispatch' | 'quiet' | 'mixed';
  /** Reports per second; omitted = burst. */
  ratePerSecond?: number;
  /** Requests in flight at most. */
  concurrency?: number;
  timeoutMs?: number;
};

export type PostResult = {
  accepted: [id: string, acceptedAt: number][];
  posted: [id: string, postedAt: number][];
  statuses: Record<string, number>;
  durationMs: number;
};

async function postOne(url: string, token: string, report: BenchReport): Promise<{ status: number; id?: string }> {
  const res = await fetch(`${url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(report),
  });
  const body = (await res.json().catch(() => ({}))) as { id?: string };
  return { status: res.status, id: body.id };
}

async function post(args: PostArgs): Promise<PostResult> {
  const result: PostResult = { accepted: [], posted: [], statuses: {}, durationMs: 0 };
  const make = (runId: string, i: number): BenchReport =>
    args.kind === 'quiet' || (args.kind === 'mixed' && i % 10 !== 0) ? quietReport(runId, i) : benchReport(runId, i);
  const concurrency = args.concurrency ?? (args.ratePerSecond ? 256 : 32);
  const deadline = Date.now() + (args.timeoutMs ?? 300_000);
  const started = wallMs();
  let next = 0;
  const one = async () => {
    while (next < args.count && Date.now() < deadline) {
      const i = next++;
      if (args.ratePerSecond) {
        const due = started + (i * 1000) / args.ratePerSecond;
        const wait = due - wallMs();
        if (wait > 0) await sleep(wait);
      }
      const report = make(args.runId, args.from + i);
      const postedAt = wallMs();
      try {
        const { status, id } = await postOne(args.urls[i % args.urls.length], args.token, report);
        const acceptedAt = wallMs();
        result.statuses[status] = (result.statuses[status] ?? 0) + 1;
        if (status === 202 && id) {
          result.accepted.push([id, acceptedAt]);
          result.posted.push([id, postedAt]);
        }
      } catch {
        result.statuses.error = (result.statuses.error ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, args.count) }, one));
  result.durationMs = wallMs() - started;
  return result;
}

serve({ post });
