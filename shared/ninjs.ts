/**
 * IPTC ninjs (News in JSON, 1.x and the 2.x `headlines`/`bodies`/`descriptions` arrays): the
 * fields Crisis Desk reads from it. Every other field is kept as written (the object is loose) and stored
 * on the report as `meta.ninjs`.
 */
import { z } from 'zod';

const text = z.string().max(1_000_000);
/** A ninjs 2.x headline, body or description: a value with an optional role and media type. */
const part = z.looseObject({ value: text, role: z.string().optional(), contenttype: z.string().optional() });
const nameOrObject = z.union([z.string(), z.looseObject({ name: z.string().optional() })]);

export const ninjsSchema = z
  .looseObject({
    uri: z.string().max(2000).optional(),
    headline: text.optional(),
    body_text: text.optional(),
    body_html: text.optional(),
    /** ninjs 1.0 */
    body_xhtml: text.optional(),
    description_text: text.optional(),
    description_html: text.optional(),
    versioncreated: z.string().max(64).optional(),
    firstcreated: z.string().max(64).optional(),
    located: z.string().max(200).optional(),
    byline: z.string().max(500).optional(),
    copyrightholder: z.string().max(200).optional(),
    language: z.string().max(35).optional(),
    /** ninjs 2.x */
    headlines: z.array(part).optional(),
    bodies: z.array(part).optional(),
    descriptions: z.array(part).optional(),
    infosources: z.array(nameOrObject).optional(),
    provider: nameOrObject.optional(),
  })
  .refine(
    (n) =>
      [
        n.body_text,
        n.body_html,
        n.body_xhtml,
        n.description_text,
        n.description_html,
        n.headline,
        ...[...(n.bodies ?? []), ...(n.descriptions ?? []), ...(n.headlines ?? [])].map((p) => p.value),
      ].some((t) => t && t.trim()),
    {
      message:
        'a ninjs item needs some text: body_text, body_html, body_xhtml, bodies[], description_text, descriptions[] or a headline',
    },
  );
export type Ninjs = z.infer<typeof ninjsSchema>;

/** ninjs fields that our own report format never has; a body with one of them (and no `text`) is ninjs. */
const NINJS_MARKERS = [
  'headline',
  'body_text',
  'body_html',
  'body_xhtml',
  'versioncreated',
  'uri',
  'headlines',
  'bodies',
  'descriptions',
] as const;

/** Whether a parsed JSON body should be read as ninjs rather than `{text, dateline?, ...}`. */
export function looksLikeNinjs(body: unknown, contentType?: string): boolean {
  if (contentType && /^application\/ninjs\+json\b/i.test(contentType)) return true;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  return !('text' in body) && NINJS_MARKERS.some((k) => k in body);
}
