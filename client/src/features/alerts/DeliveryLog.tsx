/** A subscription's delivery log: every try, grouping and silence, newest first. */
import { useEffect, useState } from 'react';
import type { DeliveryEntry } from '../../../../shared/alerts.js';
import { listDeliveries } from './alertsApi.js';

/** The id of an alert's row in a subscription's log (alert keys are letters, digits, '.', '-', '_'). */
const rowId = (subscriptionId: string, key: string) => `delivery-${subscriptionId}-${key}`;

export function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const [entries, setEntries] = useState<DeliveryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      listDeliveries(subscriptionId).then(
        (d) => live && setEntries(d),
        (e: Error) => live && setError(e.message),
      );
    void load();
    const timer = setInterval(() => void load(), 5000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [subscriptionId]);

  if (error) return <p className="error">{error}</p>;
  if (!entries) return <p className="hint">Loading deliveries…</p>;
  if (entries.length === 0) return <p className="hint">Nothing sent yet.</p>;
  // Alerts a follow-up corrected are struck through; each follow-up links to the alert it corrects.
  const corrected = new Set(entries.flatMap((e) => (e.corrects && e.status === 'delivered' ? [e.corrects] : [])));
  const titleOf = new Map(entries.filter((e) => !e.corrects).map((e) => [e.key, e.title]));
  // The first (newest) row of each alert is where a follow-up's link lands.
  const firstRow = new Map<string, number>();
  entries.forEach((e, i) => firstRow.has(e.key) || firstRow.set(e.key, i));
  return (
    <table className="delivery-log" data-testid="delivery-log">
      <thead>
        <tr>
          <th>When</th>
          <th>Status</th>
          <th>Try</th>
          <th>Code</th>
          <th>Alert</th>
          <th>Detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <tr
            key={`${e.key}-${e.at}-${i}`}
            className={`delivery-${e.status}${corrected.has(e.key) ? ' delivery-corrected' : ''}`}
            id={firstRow.get(e.key) === i ? rowId(subscriptionId, e.key) : undefined}
          >
            <td>
              <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
            </td>
            <td>{e.status}</td>
            <td>{e.attempt}</td>
            <td>{e.code ?? ''}</td>
            <td>{corrected.has(e.key) ? <s title="corrected by a follow-up">{e.title}</s> : e.title}</td>
            <td>
              {e.corrects && (
                <a className="corrects-link" href={`#${rowId(subscriptionId, e.corrects)}`}>
                  corrects “{titleOf.get(e.corrects) ?? e.corrects}”
                </a>
              )}{' '}
              {e.error ?? e.note ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
