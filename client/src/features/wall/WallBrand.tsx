/** The header's left: the product's name over the crisis' name, with where a playlist and the pages are. */
import './wallHeader.css';

type Props = {
  /** The name of the crisis whose figures are on screen (null while none is). */
  crisisName: string | null;
  crisis: string;
  playlist: string[];
  turn: number;
  nameOf(slug: string): string;
  pages: number;
  pageIndex: number;
};

export function WallBrand({ crisisName, crisis, playlist, turn, nameOf, pages, pageIndex }: Props) {
  const next = playlist.length > 1 ? playlist[(turn + 1) % playlist.length] : null;
  return (
    <div className="wall-brand">
      <span className="wall-brand-word">Crisis Desk</span>
      <h1 className="wall-crisis" data-testid="wall-crisis" data-crisis={crisis}>
        {crisisName ?? '—'}
      </h1>
      {(next !== null || pages > 1) && (
        <span className="wall-brand-where">
          {next !== null && (
            <span
              className="wall-playlist"
              data-testid="wall-playlist"
              aria-label={`Crisis ${(turn % playlist.length) + 1} of ${playlist.length}; next: ${nameOf(next)}`}
            >
              <span className="wall-page-dots">
                {playlist.map((slug, i) => (
                  <span key={slug} className={i === turn % playlist.length ? 'on' : ''} />
                ))}
              </span>
              <span className="wall-next">next: {nameOf(next)}</span>
            </span>
          )}
          {pages > 1 && (
            <span className="wall-page-dots" aria-label={`Page ${pageIndex + 1} of ${pages}`}>
              {Array.from({ length: pages }, (_, i) => (
                <span key={i} className={i === pageIndex ? 'on' : ''} />
              ))}
            </span>
          )}
        </span>
      )}
    </div>
  );
}
