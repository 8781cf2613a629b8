/**
 * IPTC ninjs (News in JSON, 1.x and the 2.x `headlines`/`bodies` arrays): the fields Crisis
 * Desk reads from it. Every other field is kept as written (the object is loose) and stored
 * on the report as `meta.ninjs`.
 */
import { z } from 'zod';

const text = z.string().max(1_000_000);
const nameOrObject = z.union([z.string(), z.looseObject({ name: z.string().optional() })]);

export const ninjsSchema = z
  .looseObject({
    uri: z.string().max(2000).optional(),
    headline: text.optional(),
    body_text: text.optional(),
    body_html: text.optional(),
    description_text: text.optional(),
    versioncreated: z.string().max(64).optional(),
    firstcreated: z.string().max(64).optional(),
    located: z.string().max(200).optional(),
    byline: z.string().max(500).optional(),
    copyrightholder: z.string().max(200).optional(),
    language: z.string().max(35).optional(),
    /** ninjs 2.x */
    headlines: z.array(z.looseObject({ value: text, role: z.string().optional() })).optional(),
    bodies: z
      .array(z.looseObject({ value: text, role: z.string().optional(), contenttype: z.string().optional() }))
      .optional(),
    infosources: z.array(nameOrObject).optional(),
    provider: nameOrObject.optional(),
  })
  .refine(
    (n) =>
      [n.body_text, n.body_html, n.description_text, ...(n.bodies ?? []).map((b) => b.value)].some(
        (t) => t && t.trim(),
      ),
    { message: 'a ninjs item needs body_text, body_html, description_text or bodies[] with some text' },
  );
export type Ninjs = z.infer<typeof ninjsSchema>;

/** ninjs fields that our own report format never has; a body with one of them (and no `text`) is ninjs. */
const NINJS_MARKERS = ['headline', 'body_text', 'body_html', 'versioncreated', 'uri', 'headlines', 'bodies'] as const;

/** Whether a parsed JSON body should be read as ninjs rather than `{text, dateline?, ...}`. */
export function looksLikeNinjs(body: unknown, contentType?: string): boolean {
  if (contentType && /^application\/ninjs\+json\b/i.test(contentType)) return true;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  return !('text' in body) && NINJS_MARKERS.some((k) => k in body);
}
