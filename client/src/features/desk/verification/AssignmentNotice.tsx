/**
 * The in-app alert a person gets when someone gives them a check (an `alert.fired` the server
 * sends to their sockets only), shown on the desk with a link to the report. Text, never HTML.
 */
import { useState } from 'react';
import { useDeskListener, type DeskStream } from '../useDeskStream.js';

type Notice = { seq: string; title: string; what: string; link: string | null };

export function AssignmentNotice({ stream, onOpen }: { stream: DeskStream; onOpen: (reportId: string) => void }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  useDeskListener(stream, {
    onChange: (change) => {
      if (change.type !== 'alert.fired' || change.subscriptionId !== 'verification') return;
      const [what, link] = change.body.split('\n');
      setNotice({ seq: change.seq, title: change.title, what, link: link?.startsWith('/desk?report=') ? link : null });
    },
  });
  if (!notice) return null;
  const reportId = notice.link ? new URLSearchParams(notice.link.slice('/desk'.length)).get('report') : null;
  return (
    <div className="desk-notice" role="status" data-testid="assignment-notice">
      <strong>{notice.title}</strong> {notice.what}{' '}
      {reportId && (
        <button
          type="button"
          onClick={() => {
            onOpen(reportId);
            setNotice(null);
          }}
        >
          Open
        </button>
      )}
      <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
        ✕
      </button>
    </div>
  );
}
