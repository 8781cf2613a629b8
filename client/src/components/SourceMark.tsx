/**
 * The source of a figure and its reliability tier: on the desk a label ("Reuters · Wire"), on the
 * wall a compact mark ("Reuters W"). Unknown until the provenance arrives; a source without a tier
 * says "no tier" so an unrated claim is never mistaken for a rated one.
 */
import type { ReportProvenance } from '../../../shared/sources.js';
import { tierLabels, tierMarks, useSourceOf } from '../api/provenance.js';
import './sourceMark.css';

export function SourceMark({ provenance, compact = false }: { provenance?: ReportProvenance; compact?: boolean }) {
  if (!provenance) return null;
  const name = provenance.source ?? 'source not named';
  const tier = provenance.tier;
  return (
    <span className={`source-mark${compact ? ' compact' : ''}`} data-testid="source-mark" data-tier={tier ?? 'none'}>
      <span className="source-name">{name}</span>
      {compact ? (
        tier && (
          <abbr className={`tier tier-${tier}`} title={tierLabels[tier]}>
            {tierMarks[tier]}
          </abbr>
        )
      ) : (
        <span className={`tier tier-${tier ?? 'none'}`}>{tier ? tierLabels[tier] : 'no tier'}</span>
      )}
    </span>
  );
}

/** The source of a report cited by a figure, from the page's provenance (nothing until it is known). */
export function CitedSource({ reportId, compact = false }: { reportId: string | null | undefined; compact?: boolean }) {
  return <SourceMark provenance={useSourceOf(reportId)} compact={compact} />;
}
