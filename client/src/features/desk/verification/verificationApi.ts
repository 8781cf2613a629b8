/** The desk's calls for verdicts and "My queue". */
import type {
  FactRef,
  QueueItem,
  ReportVerification,
  Verdict,
  VerificationInput,
} from '../../../../../shared/verification.js';
import { factKey, unverified } from '../../../../../shared/verification.js';
import { api } from '../../../api/http.js';

export type VerdictAnswer = { id: string; fact: FactRef | null; verdict: Verdict; verification: ReportVerification };

export function putVerdict(reportId: string, fact: FactRef | null, input: VerificationInput): Promise<VerdictAnswer> {
  const path = fact
    ? `/api/reports/${reportId}/facts/${fact.kind}/${fact.index}/verification`
    : `/api/reports/${reportId}/verification`;
  return api<VerdictAnswer>('PUT', path, input);
}

export async function myQueue(): Promise<QueueItem[]> {
  return (await api<{ items: QueueItem[] }>('GET', '/api/verification/queue')).items;
}

/** The verdict in force for a report (fact null) or one of its facts. */
export function verdictIn(verification: ReportVerification | undefined, fact: FactRef | null): Verdict {
  if (!verification) return unverified();
  if (!fact) return verification;
  return verification.facts?.[factKey(fact)] ?? unverified();
}

let assignees: Promise<string[]> | null = null;

/** Who a check can be given to, read once per page (a failed read is tried again next time). */
export function assigneeNames(): Promise<string[]> {
  assignees ??= api<{ users: { username: string }[] }>('GET', '/api/verification/assignees').then(
    (r) => r.users.map((u) => u.username),
    () => {
      assignees = null;
      return [];
    },
  );
  return assignees;
}
