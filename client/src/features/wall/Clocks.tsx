/** Clocks for the crisis' capitals. Ticks on its own, so the rest of the wall does not re-render. */
import { memo, useMemo } from 'react';
import { useNow } from '../../components/ConnectionBadge.js';
import { zoneClock } from './clockFormat.js';
import type { ClockSpec } from './wallParams.js';
import './wallHeader.css';

export const Clocks = memo(function Clocks({ clocks }: { clocks: ClockSpec[] }) {
  const now = useNow(1000);
  const formatters = useMemo(
    () =>
      clocks.flatMap((c) => {
        const clock = zoneClock(c.zone);
        return clock ? [{ ...c, clock }] : [];
      }),
    [clocks],
  );
  return (
    <ul className="wall-clocks" aria-label="Clocks" data-testid="clocks">
      {formatters.map(({ label, zone, clock }) => (
        <li key={`${label}=${zone}`} className="wall-clock">
          <span className="wall-clock-label">{label}</span>
          <span className="wall-clock-time">{clock.time(now)}</span>
          <span className="wall-clock-day">{clock.weekday(now)}</span>
        </li>
      ))}
    </ul>
  );
});
