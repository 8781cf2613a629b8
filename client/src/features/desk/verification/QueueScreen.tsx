/**
 * "My queue": the reports and facts given to the signed-in user that are still unverified or
 * being checked, newest report first; read again on every verdict change the desk stream brings.
 */
import { useCallback, useEffect, useState } from 'react';
import type { QueueItem } from '../../../../../shared/verification.js';
import { useDeskListener, type DeskStream } from '../useDeskStream.js';
import { VerificationChip } from './VerificationControl.js';
import { myQueue } from './verificationApi.js';

export function QueueScreen({ stream, onOpen }: { stream: DeskStream; onOpen: (reportId: string) => void }) {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    myQueue().then(
      (q) => {
        setItems(q);
        setError(null);
      },
      (err: unknown) => setError((err as Error).message),
    );
  }, []);
  useEffect(load, [load]);
  useDeskListener(stream, {
    onChange: (change) => {
      if (change.type === 'verification.changed') load();
    },
    onResync: load,
  });

  return (
    <section className="desk-queue" data-testid="my-queue" aria-label="My queue">
      <h2>My queue</h2>
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
      {items?.length === 0 && <p className="hint">Nothing to check: take a report or a fact from the desk.</p>}
      <ul>
        {items?.map((item) => {
          const what = item.fact
            ? `${item.fact.kind === 'troops' ? 'Troop figure' : 'Meeting'} #${item.fact.index + 1}`
            : 'Report';
          return (
            <li key={`${item.reportId}|${item.fact?.kind ?? ''}|${item.fact?.index ?? ''}`} data-testid="queue-item">
              <button type="button" className="queue-open" onClick={() => onOpen(item.reportId)}>
                <VerificationChip status={item.verdict.status} locked={item.verdict.locked} />
                <span className="queue-what">{what}</span>
                <span className="queue-title">{item.title ?? item.excerpt}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
