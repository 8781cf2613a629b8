/**
 * Renders its children and briefly highlights them whenever `value` changes, so a number
 * that moves catches the eye from across a room (the first render does not flash).
 */
import { useState, type ReactNode } from 'react';

export function FlashOnChange({
  value,
  children,
  className,
}: {
  value: unknown;
  children: ReactNode;
  className?: string;
}) {
  const [seen, setSeen] = useState(value);
  const [flashes, setFlashes] = useState(0);
  if (!Object.is(seen, value)) {
    // Adjusting state while rendering (React's documented pattern) avoids an extra paint.
    setSeen(value);
    setFlashes((n) => n + 1);
  }
  // A new key remounts the span, which restarts the CSS animation.
  return (
    <span key={flashes} className={`${className ?? ''}${flashes > 0 ? ' flash' : ''}`} data-flashes={flashes}>
      {children}
    </span>
  );
}
