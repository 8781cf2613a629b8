/**
 * Maps an IPTC ninjs item to a report: body_text (or body_html reduced to text) is the text,
 * headline the title, versioncreated (else firstcreated) the dateline, uri the url when it is
 * http(s). The whole item is kept as `meta.ninjs`, and `uri` is its identity (see UriIndex).
 */
import { datelineSchema, type ReportInput } from '../../shared/report.js';
import type { Ninjs } from '../../shared/ninjs.js';
import { BadRequest } from '../errors.js';
import { htmlToText } from './htmlToText.js';

function bodyText(n: Ninjs): string {
  if (n.body_text?.trim()) return n.body_text;
  if (n.body_html?.trim()) return htmlToText(n.body_html);
  const bodies = n.bodies ?? [];
  const plain = bodies.find((b) => !b.contenttype || /text\/plain/i.test(b.contenttype));
  if (plain?.value.trim()) return plain.value;
  const html = bodies.find((b) => b.contenttype && /html/i.test(b.contenttype));
  if (html?.value.trim()) return htmlToText(html.value);
  return n.description_text ?? '';
}

/** ninjs date-times are ISO 8601; anything Date can read is normalised to UTC, anything else is a 400. */
function datelineOf(n: Ninjs): string | undefined {
  const field = n.versioncreated !== undefined ? 'versioncreated' : 'firstcreated';
  const value = n.versioncreated ?? n.firstcreated;
  if (value === undefined) return undefined;
  if (datelineSchema.safeParse(value).success) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw new BadRequest(`${field}: "${value}" is not an ISO 8601 date-time`, undefined, 'invalid_input');
  return new Date(ms).toISOString();
}

function nameOf(v: string | { name?: string } | undefined): string | undefined {
  return typeof v === 'string' ? v : v?.name;
}

function httpUrl(uri: string | undefined): string | undefined {
  if (!uri || !/^https?:\/\//i.test(uri) || !URL.canParse(uri)) return undefined;
  return uri;
}

/** The report a ninjs item becomes, and the meta kept with it. Validate the input with reportInputSchema after. */
export function ninjsToReport(n: Ninjs): { input: ReportInput; meta: Record<string, unknown> } {
  const headline = n.headline ?? n.headlines?.[0]?.value;
  const source = nameOf(n.provider) ?? n.copyrightholder ?? nameOf(n.infosources?.[0]);
  const input: ReportInput = {
    text: bodyText(n),
    ...(datelineOf(n) ? { dateline: datelineOf(n) } : {}),
    ...(headline?.trim() ? { title: headline.trim().slice(0, 500) } : {}),
    ...(source?.trim() ? { source: source.trim().slice(0, 200) } : {}),
    ...(httpUrl(n.uri) ? { url: httpUrl(n.uri) } : {}),
  };
  return { input, meta: { format: 'ninjs', ninjs: n } };
}
