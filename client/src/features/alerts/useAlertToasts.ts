/**
 * In-app alerts: `alert.fired` changes (the server sends them only to their subscriber's
 * sockets) become toasts, and a browser Notification when the person allowed it.
 */
import { useCallback, useState } from 'react';
import type { Change } from '../../../../shared/events.js';

export type Toast = { id: string; title: string; body: string };

const MAX_TOASTS = 5;

export function useAlertToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);

  const onChange = useCallback((change: Change) => {
    if (change.type !== 'alert.fired') return;
    setToasts((t) =>
      [{ id: change.seq, title: change.title, body: change.body }, ...t.filter((x) => x.id !== change.seq)].slice(
        0,
        MAX_TOASTS,
      ),
    );
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
