/**
 * POST /api/reports with an IPTC ninjs body: validate, map to a report (keeping the item as
 * meta), and answer from the uri index first, so the same `uri` posted again — re-wrapped,
 * re-versioned or edited — is a duplicate of the first report rather than a second one.
 */
import { ninjsSchema } from '../../shared/ninjs.js';
import { reportInputSchema } from '../../shared/report.js';
import { parseOrThrow } from '../http/validate.js';
import type { UriIndex } from '../storage/uriIndex.js';
import type { AcceptResult, Ingestor } from './acceptReport.js';
import { ninjsToReport, type HtmlReader } from './ninjs.js';
import { normalizeText, reportId, resolveDateline } from './normalize.js';

export async function acceptNinjs(
  body: unknown,
  deps: { ingestor: Ingestor; uris?: UriIndex; readHtml?: HtmlReader },
): Promise<AcceptResult> {
  const ninjs = parseOrThrow(ninjsSchema, body);
  const mapped = await ninjsToReport(ninjs, deps.readHtml);
  const input = parseOrThrow(reportInputSchema, mapped.input);
  const uri = ninjs.uri?.trim();
  if (uri && deps.uris) {
    const id = reportId(normalizeText(input.text), resolveDateline(input.dateline, new Date()));
    const held = await deps.uris.claim(uri, id);
    if (held !== id) return { id: held, status: 'duplicate' };
  }
  return deps.ingestor.accept(input, mapped.meta);
}
