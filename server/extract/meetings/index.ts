/**
 * Meetings of a report, in named steps: trigger (triggers.ts), seats (participants.ts and
 * subject.ts), place (place.ts), day (day.ts), kind (kind.ts), status (status.ts), assembled
 * sentence by sentence (assemble.ts), then merged into one entry per meeting (merge.ts).
 */
import type { MeetingMention } from '../../../shared/extraction.js';
import type { Doc } from '../doc.js';
import { assembleMentions } from './assemble.js';
import { mergeMentions } from './merge.js';

/** The meetings of a report. */
export function findMeetings(doc: Doc, affiliation: Map<string, string>): MeetingMention[] {
  const mentions = assembleMentions(doc);
  // Talks with a day but no named sides ("negotiations in Geneva on January 9") are between the report's two most-named countries.
  const dyad = mainDyad(doc);
  if (dyad.length === 2)
    for (const m of mentions)
      if (m.date && !m.travel && !m.anaphoric && m.participants.length < 2)
        m.participants = [...new Set([...m.participants, ...dyad])];
  const g = doc.gazetteer;
  return mergeMentions(mentions, {
    actors: g.actorNames,
    organizations: g.organizations,
    actorKeys: g.actorKeys,
    affiliation,
    text: doc.text,
    refIso: doc.refIso,
  });
}

/** The two countries named most often as actors (not as places), or fewer when the report names fewer. */
function mainDyad(doc: Doc): string[] {
  const count = new Map<string, number>();
  for (const hits of doc.gaz)
    for (const h of hits)
      if (h.actor && !h.locative && !doc.gazetteer.organizations.has(h.actor))
        count.set(h.actor, (count.get(h.actor) ?? 0) + 1);
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .map(([a]) => a);
}
