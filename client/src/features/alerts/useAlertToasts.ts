/**
 * In-app alerts: `alert.fired` changes (the server sends them only to their subscriber's
 * sockets) become toasts, and a browser Notification when the person allowed it. A follow-up
 * (`corrects` names an alert's key) strikes through the toast of the alert it corrects and shows
 * the correction under it; when that toast is gone (dismissed, or before this page was open),
 * the follow-up's own toast shows the original's title struck through.
 */
import { useCallback, useState } from 'react';
import type { Change } from '../../../../shared/events.js';

export type Toast = {
  id: string;
  /** The alert's Idempotency-Key, when the server sent it. */
  key?: string;
  title: string;
  body: string;
  /** A follow-up arrived for this alert: what it says. */
  correction?: { title: string; body: string };
  /** On a follow-up's own toast: the title of the alert it corrects. */
  correctsTitle?: string;
};

const MAX_TOASTS = 5;

type Fired = Extract<Change, { type: 'alert.fired' }>;

function withAlert(toasts: Toast[], change: Fired): Toast[] {
  const original = change.corrects ? toasts.find((t) => t.key === change.corrects) : undefined;
  if (original) {
    const corrected: Toast = { ...original, correction: { title: change.title, body: change.body } };
    return [corrected, ...toasts.filter((t) => t !== original)];
  }
  const toast: Toast = {
    id: change.seq,
    key: change.key,
    title: change.title,
    body: change.body,
    ...(change.corrects ? { correctsTitle: change.correctsTitle ?? change.corrects } : {}),
  };
  return [toast, ...toasts.filter((x) => x.id !== change.seq)].slice(0, MAX_TOASTS);
}

export function useAlertToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);

  const onChange = useCallback((change: Change) => {
    if (change.type !== 'alert.fired') return;
    setToasts((t) => withAlert(t, change));
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      new Notification(change.title, { body: change.body, tag: change.seq });
    }
  }, []);

  const dismiss = useCallback((id: string) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  return { toasts, onChange, dismiss };
}

/** Asks for permission to show browser notifications (only on a click: browsers require a gesture). */
export async function askNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission === 'default' ? Notification.requestPermission() : Notification.permission;
}
