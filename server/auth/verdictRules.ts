/**
 * Pure: who may give which verdict. Journalists judge, take a check for themselves and hand
 * back their own; editors and admins also give checks to others and lock or unlock a verdict,
 * and only they may change one that is locked.
 */
import type { FactRef, ReportVerification, Verdict, VerificationInput } from '../../shared/verification.js';
import { factKey, unverified } from '../../shared/verification.js';
import type { Actor } from './actor.js';
import { Conflict, Forbidden } from '../errors.js';

const isEditor = (actor: Actor) => actor.role === 'editor' || actor.role === 'admin';

const what = (reportId: string, fact: FactRef | null) =>
  fact ? `${fact.kind} #${fact.index} of report ${reportId}` : `report ${reportId}`;

/** The verdict in force for a report (fact null) or one of its facts. */
export function verdictOf(verification: ReportVerification | undefined, fact: FactRef | null): Verdict {
  if (!verification) return unverified();
  if (!fact) {
    const { facts: _facts, ...own } = verification;
    return own;
  }
  return verification.facts?.[factKey(fact)] ?? unverified();
}

/**
 * The verdict after `input`, or throws the refusal a person can act on (403: the role may not
 * do that at all; 409: the verdict is locked now, an editor may unlock it).
 */
export function nextVerdict(
  before: Verdict,
  input: VerificationInput,
  actor: Actor,
  at: string,
  target: { reportId: string; fact: FactRef | null },
): Verdict {
  const editor = isEditor(actor);
  if (before.locked && !editor)
    throw new Conflict(
      `The verdict on ${what(target.reportId, target.fact)} was locked by ${before.by ?? 'an editor'}: only an editor or admin can change it`,
    );
  if (input.locked !== undefined && input.locked !== Boolean(before.locked) && !editor)
    throw new Forbidden('Only an editor or admin can lock or unlock a verdict');
  const assignee = input.assignee === undefined ? before.assignee : input.assignee;
  if (assignee !== before.assignee && !editor) {
    const takesIt = assignee === actor.name;
    const handsBackOwn = assignee === null && before.assignee === actor.name;
    if (!takesIt && !handsBackOwn)
      throw new Forbidden(
        'A journalist can take a check (assignee: your own username) or hand back their own; only an editor or admin gives it to someone else',
      );
  }
  const locked = input.locked ?? Boolean(before.locked);
  return {
    status: input.status,
    assignee,
    by: actor.name,
    at,
    ...(locked ? { locked: true } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
}

/** True when nothing a person would see changes (status, assignee, lock) and no note is added. */
export function sameVerdict(a: Verdict, b: Verdict): boolean {
  return a.status === b.status && a.assignee === b.assignee && Boolean(a.locked) === Boolean(b.locked) && !b.note;
}

/** The report's verification with one verdict replaced. */
export function withVerdict(
  verification: ReportVerification | undefined,
  fact: FactRef | null,
  verdict: Verdict,
): ReportVerification {
  const facts = verification?.facts;
  if (!fact) return { ...verdict, ...(facts ? { facts } : {}) };
  const own = verification ? verdictOf(verification, null) : unverified();
  return { ...own, facts: { ...facts, [factKey(fact)]: verdict } };
}
