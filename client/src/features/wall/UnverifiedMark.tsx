/** The small plain mark beside a figure or meeting the desk has not verified. */
export function UnverifiedMark() {
  return (
    <span className="unverified-mark" data-testid="unverified-mark" title="Not verified by the desk">
      unverified
    </span>
  );
}
