import type { Evidence } from '../../shared/extraction.js';
import { MAX_EVIDENCE_CHARS } from './constants.js';

/** Evidence as stored: long quotes are cut to bound the state; offsets still point into the report. */
export function storedEvidence(evidence: Evidence): Evidence {
  const { text, start, end } = evidence;
  return { text: text.length > MAX_EVIDENCE_CHARS ? text.slice(0, MAX_EVIDENCE_CHARS) : text, start, end };
}
