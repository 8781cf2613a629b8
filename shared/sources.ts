/**
 * Sources of reports ("Reuters", "Kyiv correspondent") and the reliability tier editors give them:
 * PUT /api/sources/:name/tier, GET /api/sources, and the provenance of reports
 * (GET /api/sources/of-reports) that the wall and the desk show beside each figure. Free of zod, so
 * the wall can import it; the request schemas are in sources.schema.ts.
 */
export const sourceTiers = ['wire', 'official', 'own-correspondent', 'unconfirmed-social'] as const;
export type SourceTier = (typeof sourceTiers)[number];

/** A source with the tier editors gave it. */
export type SourceInfo = { name: string; tier: SourceTier; setBy: string; setAt: string };

/** Where a report came from, for naming the source of a figure that cites it. */
export type ReportProvenance = {
  id: string;
  source: string | null;
  title: string | null;
  dateline: string;
  tier: SourceTier | null;
};

/** Most report ids one provenance request may ask for. */
export const MAX_PROVENANCE_IDS = 200;

/** The key a source name is matched by. */
export function sourceKey(name: string): string {
  return name.trim().toLowerCase();
}
