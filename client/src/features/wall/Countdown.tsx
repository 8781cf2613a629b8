/** A meeting's countdown; ticks on its own (every 15 s is enough for minutes). */
import { useNow } from '../../components/ConnectionBadge.js';
import { formatCountdown } from './countdown.js';

export function Countdown({ date }: { date: string | null }) {
  const now = useNow(15_000);
  const { text, phase } = formatCountdown(date, now);
  return <span className={`countdown phase-${phase}`}>{text}</span>;
}
