/** A report's crises as small badges in the list (names as text); "no crisis" once it is known to be in none. */
import type { CrisisAssignment } from '../../../../../shared/crisis.js';

export function CrisisBadges({
  assigned,
  nameOf,
}: {
  assigned: CrisisAssignment[] | undefined;
  nameOf: (slug: string) => string;
}) {
  if (assigned === undefined) return null;
  if (assigned.length === 0)
    return (
      <span className="crisis-badge crisis-badge-none" data-crisis="">
        no crisis
      </span>
    );
  return (
    <>
      {assigned.map((a) => (
        <span
          key={a.slug}
          className={`crisis-badge${a.by === 'rule' ? '' : ' crisis-badge-hand'}`}
          data-crisis={a.slug}
          title={a.by === 'rule' ? a.reason : `assigned by ${a.by}: ${a.reason}`}
        >
          {nameOf(a.slug)}
        </span>
      ))}
    </>
  );
}
