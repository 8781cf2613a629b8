/**
 * Maps an IPTC ninjs item to a report: its text, headline as title, versioncreated (else
 * firstcreated) as dateline, uri as url when it is http(s). The whole item is kept as
 * `meta.ninjs`, and `uri` is its identity (see UriIndex).
 *
 * The text, in order of preference: body_text; body_html or (ninjs 1.0) body_xhtml reduced to
 * text; ninjs 2.x bodies[] (plain first); description_text or description_html; ninjs 2.x
 * descriptions[] (role "text" first); and, for a flash that is nothing but its headline, the
 * headline itself.
 */
import { datelineSchema, type ReportInput } from '../../shared/report.js';
import type { Ninjs } from '../../shared/ninjs.js';
import { BadRequest } from '../errors.js';
import { htmlToText } from './htmlToText.js';

/** HTML → text, on this thread or another (markupPool.ts). */
export type HtmlReader = (html: string) => string | Promise<string>;

type Part = { value: string; role?: string; contenttype?: string };

const isHtml = (p: Part) => !!p.contenttype && /html/i.test(p.contenttype);
const filled = (s: string | undefined): s is string => !!s && s.trim().length > 0;

/** The best part of a ninjs 2.x array: by role first when one is preferred, then plain text before markup. */
function pick(parts: Part[] | undefined, role?: string): Part | undefined {
  const usable = (parts ?? []).filter((p) => filled(p.value));
  const byRole = role ? usable.filter((p) => p.role?.toLowerCase() === role) : [];
  const pool = byRole.length > 0 ? byRole : usable;
  return pool.find((p) => !isHtml(p)) ?? pool[0];
}

async function bodyText(n: Ninjs, readHtml: HtmlReader): Promise<string> {
  const part = (p: Part) => (isHtml(p) ? readHtml(p.value) : p.value);
  if (filled(n.body_text)) return n.body_text;
  if (filled(n.body_html)) return readHtml(n.body_html);
  if (filled(n.body_xhtml)) return readHtml(n.body_xhtml);
  const body = pick(n.bodies);
  if (body) return part(body);
  if (filled(n.description_text)) return n.description_text;
  if (filled(n.description_html)) return readHtml(n.description_html);
  const description = pick(n.descriptions, 'text');
  if (description) return part(description);
  return headlineOf(n) ?? '';
}

function headlineOf(n: Ninjs): string | undefined {
  if (filled(n.headline)) return n.headline.trim();
  const main = pick(n.headlines, 'main');
  return main ? main.value.trim() : undefined;
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
export async function ninjsToReport(
  n: Ninjs,
  readHtml: HtmlReader = htmlToText,
): Promise<{ input: ReportInput; meta: Record<string, unknown> }> {
  const headline = headlineOf(n);
  const source = nameOf(n.provider) ?? n.copyrightholder ?? nameOf(n.infosources?.[0]);
  const dateline = datelineOf(n);
  const input: ReportInput = {
    text: await bodyText(n, readHtml),
    ...(dateline ? { dateline } : {}),
    ...(headline ? { title: headline.slice(0, 500) } : {}),
    ...(source?.trim() ? { source: source.trim().slice(0, 200) } : {}),
    ...(httpUrl(n.uri) ? { url: httpUrl(n.uri) } : {}),
  };
  return { input, meta: { format: 'ninjs', ninjs: n } };
}
