/** One in-app alert as a toast; a corrected one struck through, with its correction under it. */
import type { Toast } from './useAlertToasts.js';

export function AlertToast({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  const { correction, correctsTitle } = toast;
  return (
    <div className={`toast${correction ? ' toast-corrected' : ''}${correctsTitle ? ' toast-correction' : ''}`}>
      {correctsTitle && (
        <s className="corrected-original" data-testid="corrected-original">
          {correctsTitle}
        </s>
      )}
      {correction ? (
        <>
          <s className="corrected-original" data-testid="corrected-original">
            <strong>{toast.title}</strong>
          </s>
          <p className="correction" data-testid="correction">
            <strong>{correction.title}</strong>
            <br />
            {correction.body}
          </p>
        </>
      ) : (
        <>
          <strong>{toast.title}</strong>
          <p>{toast.body}</p>
        </>
      )}
      <button aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
