/** A subscription's delivery log: every try, grouping and silence, newest first. */
import { useEffect, useState } from 'react';
import type { DeliveryEntry } from '../../../../shared/alerts.js';
import { listDeliveries } from './alertsApi.js';

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
          <tr key={`${e.key}-${e.at}-${i}`} className={`delivery-${e.status}`}>
            <td>
              <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
            </td>
            <td>{e.status}</td>
            <td>{e.attempt}</td>
            <td>{e.code ?? ''}</td>
            <td>{e.title}</td>
            <td>{e.error ?? e.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
