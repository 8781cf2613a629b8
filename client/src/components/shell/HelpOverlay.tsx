/**
 * The keyboard shortcuts of the page, in a modal dialog: focus goes into it, Tab stays inside,
 * Escape closes it and focus returns to where it was.
 */
import { useEffect, useRef } from 'react';

export type Shortcut = { keys: string; does: string };

/** Every page's own: the help itself. */
export const shellShortcuts: readonly Shortcut[] = [
  { keys: '?', does: 'Show these shortcuts' },
  { keys: 'Esc', does: 'Close this help, or leave a field' },
];

export function HelpOverlay({ shortcuts, onClose }: { shortcuts: readonly Shortcut[]; onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="help-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help-overlay"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <h2 id="help-title">Keyboard shortcuts</h2>
        <dl className="help-keys">
          {[...shortcuts, ...shellShortcuts].map((s) => (
            <div key={s.keys} className="help-key">
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" onClick={onClose} data-testid="help-close">
          Close
        </button>
      </div>
    </div>
  );
}
