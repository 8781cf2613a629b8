/**
 * Child program: posts reports to api nodes over HTTP, either as fast as a bounded number
 * of requests in flight allows (a burst) or at a fixed rate (an open-loop schedule, so a
 * slow answer does not slow the offered load). Records when each POST was sent and when
 * its 202 came back, by report id. Bounded in count; stops by itself.
 */
import { Agent, request } from 'node:http';
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
  /** Stop posting after this long; default: 300 s, or the paced run's length plus a minute if longer. */
  timeoutMs?: number;
};

export type PostResult = {
  accepted: [id: string, acceptedAt: number][];
  posted: [id: string, postedAt: number][];
  statuses: Record<string, number>;
  durationMs: number;
};

/**
 * node:http with kept-alive connections rather than fetch(): the load generator shares the
 * machine's two cores with the server, and fetch costs several times more CPU per request.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function postOne(url: string, token: string, report: BenchReport): Promise<{ status: number; id?: string }> {
  const body = JSON.stringify(report);
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/reports`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let id: string | undefined;
          try {
            id = (JSON.parse(text) as { id?: string }).id;
          } catch {
            id = undefined;
          }
          resolve({ status: res.statusCode ?? 0, id });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function post(args: PostArgs): Promise<PostResult> {
  const result: PostResult = { accepted: [], posted: [], statuses: {}, durationMs: 0 };
  const make = (runId: string, i: number): BenchReport =>
    args.kind === 'quiet' || (args.kind === 'mixed' && i % 10 !== 0) ? quietReport(runId, i) : benchReport(runId, i);
  const concurrency = args.concurrency ?? (args.ratePerSecond ? 256 : 32);
  // A paced run lasts count / rate by design: its deadline follows from that (a fixed 300 s cut a
  // 10-minute soak in half); a burst gets 300 s.
  const paced = args.ratePerSecond ? (args.count * 1000) / args.ratePerSecond + 60_000 : 0;
  const deadline = Date.now() + (args.timeoutMs ?? Math.max(300_000, paced));
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
