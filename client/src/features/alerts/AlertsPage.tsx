/**
 * /alerts: a person's subscriptions (create, silence, delete, delivery log) and live in-app
 * alerts as toasts. Subscriptions belong to signed-in users: signed out, the page shows the
 * desk's sign-in form; signed in, the socket is authenticated by the session cookie (no token),
 * which is what puts it in the user's own alert room.
 */
import { useCallback, useEffect, useState } from 'react';
import { describeRule, type SubscriptionView } from '../../../../shared/alerts.js';
import { crisisNamer } from '../../api/crises.js';
import { useCrisisList } from '../../api/useCrisisList.js';
import { AppShell } from '../../components/shell/AppShell.js';
import { useCrisisState } from '../../realtime/useCrisisState.js';
import { LoginForm } from '../desk/LoginForm.js';
import { AlertToast } from './AlertToast.js';
import { ApiError, deleteSubscription, listSubscriptions, updateSubscription } from './alertsApi.js';
import { DeliveryLog } from './DeliveryLog.js';
import { SubscriptionForm } from './SubscriptionForm.js';
import { askNotificationPermission, useAlertToasts } from './useAlertToasts.js';
import { useNow } from '../../components/ConnectionBadge.js';

function channelText(c: SubscriptionView['channel']): string {
  if (c.type === 'webhook')
    return `webhook ${c.url}${c.format === 'slack' ? ' (Slack)' : ''}${c.hasSecret ? ', signed' : ''}`;
  if (c.type === 'email') return `e-mail to ${c.to}`;
  return 'in the app';
}

function SubscriptionRow({
  s,
  crisisName,
  onChanged,
  onDeleted,
}: {
  s: SubscriptionView;
  crisisName: string;
  onChanged: (s: SubscriptionView) => void;
  onDeleted: () => void;
}) {
  const [showLog, setShowLog] = useState(false);
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const now = useNow(60_000);
  const silenced = s.silencedUntil !== undefined && Date.parse(s.silencedUntil) > now;
  const act = (p: Promise<unknown>) => p.catch((e: Error) => setError(e.message));
  return (
    <li className="subscription" data-subscription-id={s.id}>
      <div>
        <strong>{s.name}</strong>: <span className="subscription-crisis">{crisisName}</span>: {describeRule(s.rule)},{' '}
        {channelText(s.channel)}
        {s.throttleMinutes > 0 && <>, at most one every {s.throttleMinutes} min</>}
        {s.quietHours && (
          <>
            , quiet {s.quietHours.start}–{s.quietHours.end} ({s.quietHours.timeZone})
          </>
        )}
        {silenced && <span className="silenced"> — silenced until {new Date(s.silencedUntil!).toLocaleString()}</span>}
      </div>
      <div className="actions">
        {silenced ? (
          <button onClick={() => void act(updateSubscription(s.id, { silencedUntil: null }).then(onChanged))}>
            Unsilence
          </button>
        ) : (
          <>
            <button
              onClick={() =>
                void act(
                  updateSubscription(s.id, { silencedUntil: new Date(Date.now() + 3_600_000).toISOString() }).then(
                    onChanged,
                  ),
                )
              }
            >
              Silence 1 h
            </button>
            <input
              type="datetime-local"
              aria-label="Silence until"
              value={until}
              onChange={(e) => setUntil(e.target.value)}
            />
            <button
              disabled={!until}
              onClick={() =>
                void act(updateSubscription(s.id, { silencedUntil: new Date(until).toISOString() }).then(onChanged))
              }
            >
              Silence until
            </button>
          </>
        )}
        <button onClick={() => setShowLog((v) => !v)}>{showLog ? 'Hide deliveries' : 'Deliveries'}</button>
        <button className="danger" onClick={() => void act(deleteSubscription(s.id).then(onDeleted))}>
          Delete
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {showLog && <DeliveryLog subscriptionId={s.id} />}
    </li>
  );
}

type Load =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'failed'; message: string }
  | { status: 'ready'; subs: SubscriptionView[] };

const SIGN_IN_HINT = 'Alerts belong to people: sign in with your account (viewer or above) to manage yours.';

export function AlertsPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  // Listing the subscriptions is the session check: 401 (no session) or 403 (not a user) means sign in.
  const reload = useCallback(() => {
    listSubscriptions().then(
      (subs) => setLoad({ status: 'ready', subs }),
      (err: Error) => {
        if (err instanceof ApiError && err.status === 401) setLoad({ status: 'signed-out' });
        else if (err instanceof ApiError && err.status === 403) setLoad({ status: 'signed-out', reason: err.message });
        else setLoad({ status: 'failed', message: err.message });
      },
    );
  }, []);
  useEffect(reload, [reload]);

  if (load.status === 'loading') return <div className="loading">Loading…</div>;
  if (load.status === 'signed-out') {
    return <LoginForm title="Alerts" hint={load.reason ?? SIGN_IN_HINT} onSignedIn={reload} />;
  }
  if (load.status === 'failed') {
    return (
      <main className="page alerts-page">
        <h1>Alerts</h1>
        <p className="error">{load.message}</p>
        <button onClick={reload}>Try again</button>
      </main>
    );
  }
  return <Alerts initial={load.subs} />;
}

function Alerts({ initial }: { initial: SubscriptionView[] }) {
  const { toasts, onChange, dismiss } = useAlertToasts();
  // No token: the session cookie authenticates the socket, and on the desk stream (where in-app
  // alerts are sent, to their user's sockets only) alert.fired for this user reaches it.
  const feed = useCrisisState(undefined, { desk: true, onChange });
  const [subs, setSubs] = useState<SubscriptionView[] | null>(initial);
  const { crises } = useCrisisList(undefined);
  const nameOf = crisisNamer(crises);
  const [permission, setPermission] = useState(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );

  return (
    <AppShell connection={feed}>
      <main className="page alerts-page">
        <h1>Alerts</h1>
        {permission === 'default' && (
          <button onClick={() => void askNotificationPermission().then(setPermission)}>
            Show alerts as browser notifications
          </button>
        )}
        <section>
          <h2>Your subscriptions</h2>
          {subs && subs.length === 0 && <p className="hint">None yet. Create one below.</p>}
          <ul className="subscriptions" data-testid="subscriptions">
            {subs?.map((s) => (
              <SubscriptionRow
                key={s.id}
                s={s}
                crisisName={s.crisis ? nameOf(s.crisis) : 'all crises'}
                onChanged={(n) => setSubs((all) => all?.map((x) => (x.id === n.id ? n : x)) ?? null)}
                onDeleted={() => setSubs((all) => all?.filter((x) => x.id !== s.id) ?? null)}
              />
            ))}
          </ul>
        </section>
        <section>
          <h2>New alert</h2>
          <SubscriptionForm crises={crises} onCreated={(s) => setSubs((all) => [...(all ?? []), s])} />
        </section>
        <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
          {toasts.map((t) => (
            <AlertToast key={t.id} toast={t} onDismiss={() => dismiss(t.id)} />
          ))}
        </div>
      </main>
    </AppShell>
  );
}
