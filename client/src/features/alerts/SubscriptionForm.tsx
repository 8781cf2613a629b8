/**
 * The form for a new subscription: which crisis (or all), one rule, one channel, throttle and
 * quiet hours; checked with the shared zod schema.
 */
import { useState, type FormEvent } from 'react';
import { subscriptionInputSchema, type AlertRuleType, type SubscriptionView } from '../../../../shared/alerts.js';
import type { Crisis } from '../../../../shared/crisis.js';
import { flagKinds } from '../../../../shared/report.js';
import { createSubscription } from './alertsApi.js';

const ruleLabels: Record<AlertRuleType, string> = {
  'tension.above': 'Tension reaches a level',
  'tension.jump': 'Tension jumps',
  'troops.above': 'Troop estimate reaches a figure',
  'troops.change': 'Troop estimate changes by a percentage',
  'meeting.changed': 'A meeting is announced, moved or cancelled',
  'meeting.soon': 'A meeting starts soon',
  mention: 'A report mentions names or words',
  flag: 'A report is flagged',
};

type Fields = Record<string, string>;

function buildRule(type: AlertRuleType, f: Fields): unknown {
  const n = (k: string) => Number(f[k]);
  switch (type) {
    case 'tension.above':
    case 'troops.above':
      return { type, threshold: n('threshold') };
    case 'tension.jump':
      return { type, points: n('points'), windowMinutes: n('windowMinutes') };
    case 'troops.change':
      return { type, percent: n('percent') };
    case 'meeting.changed':
      return { type, changes: ['new', 'moved', 'cancelled'].filter((c) => f[`change-${c}`] !== 'off') };
    case 'meeting.soon':
      return { type, hours: n('hours') };
    case 'mention':
      return {
        type,
        terms: (f.terms ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      };
    case 'flag':
      return { type, flag: f.flag ?? 'breaking' };
  }
}

function buildChannel(type: string, f: Fields): unknown {
  if (type === 'webhook')
    return { type, url: f.url ?? '', format: f.format ?? 'json', ...(f.secret ? { secret: f.secret } : {}) };
  if (type === 'email') return { type, to: f.to ?? '' };
  return { type: 'inapp' };
}

export function SubscriptionForm({
  crises,
  onCreated,
}: {
  /** The crises one may pick from (null while they are read: "All crises" only). */
  crises: readonly Crisis[] | null;
  onCreated: (s: SubscriptionView) => void;
}) {
  const [ruleType, setRuleType] = useState<AlertRuleType>('mention');
  const [channelType, setChannelType] = useState('inapp');
  const [f, setF] = useState<Fields>({
    name: '',
    threshold: '70',
    points: '10',
    windowMinutes: '60',
    percent: '20',
    hours: '24',
    throttleMinutes: '5',
  });
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (e: { target: { value: string } }) => setF((old) => ({ ...old, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const quietHours =
      f.quietStart && f.quietEnd
        ? { start: f.quietStart, end: f.quietEnd, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }
        : undefined;
    const parsed = subscriptionInputSchema.safeParse({
      name: f.name,
      ...(f.crisis ? { crisis: f.crisis } : {}),
      rule: buildRule(ruleType, f),
      channel: buildChannel(channelType, f),
      throttleMinutes: Number(f.throttleMinutes),
      ...(quietHours ? { quietHours } : {}),
    });
    if (!parsed.success) return setProblems(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    setBusy(true);
    try {
      onCreated(await createSubscription(parsed.data));
      setProblems([]);
      setF((old) => ({ ...old, name: '', terms: '' }));
    } catch (err) {
      setProblems([(err as Error).message]);
    } finally {
      setBusy(false);
    }
  }

  const num = (k: string, label: string) => (
    <label>
      {label} <input name={k} type="number" value={f[k] ?? ''} onChange={set(k)} />
    </label>
  );
  return (
    <form className="subscription-form" onSubmit={(e) => void submit(e)} aria-label="New alert">
      <label>
        Name <input name="name" value={f.name} onChange={set('name')} placeholder="e.g. Troops at the border" />
      </label>
      <label>
        Crisis{' '}
        <select name="crisis" value={f.crisis ?? ''} onChange={set('crisis')}>
          <option value="">All crises</option>
          {crises?.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tell me when{' '}
        <select name="ruleType" value={ruleType} onChange={(e) => setRuleType(e.target.value as AlertRuleType)}>
          {Object.entries(ruleLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {(ruleType === 'tension.above' || ruleType === 'troops.above') &&
        num('threshold', ruleType === 'tension.above' ? 'Level (0–100)' : 'Troops')}
      {ruleType === 'tension.jump' && (
        <>
          {num('points', 'Points')} {num('windowMinutes', 'Within minutes')}
        </>
      )}
      {ruleType === 'troops.change' && num('percent', 'Percent')}
      {ruleType === 'meeting.soon' && num('hours', 'Within hours')}
      {ruleType === 'meeting.changed' &&
        ['new', 'moved', 'cancelled'].map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={f[`change-${c}`] !== 'off'}
              onChange={(e) => setF((o) => ({ ...o, [`change-${c}`]: e.target.checked ? 'on' : 'off' }))}
            />{' '}
            {c}
          </label>
        ))}
      {ruleType === 'mention' && (
        <label>
          Names or words (comma-separated){' '}
          <input name="terms" value={f.terms ?? ''} onChange={set('terms')} placeholder="e.g. Geneva, ceasefire" />
        </label>
      )}
      {ruleType === 'flag' && (
        <label>
          Flag{' '}
          <select name="flag" value={f.flag ?? 'breaking'} onChange={set('flag')}>
            {flagKinds.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        Send by{' '}
        <select name="channelType" value={channelType} onChange={(e) => setChannelType(e.target.value)}>
          <option value="inapp">In the app</option>
          <option value="webhook">Webhook</option>
          <option value="email">E-mail</option>
        </select>
      </label>
      {channelType === 'webhook' && (
        <>
          <label>
            URL{' '}
            <input
              name="url"
              type="url"
              value={f.url ?? ''}
              onChange={set('url')}
              placeholder="https://hooks.example.com/…"
            />
          </label>
          <label>
            Secret (optional, signs the body){' '}
            <input
              name="secret"
              type="password"
              value={f.secret ?? ''}
              onChange={set('secret')}
              autoComplete="new-password"
            />
          </label>
          <label>
            Format{' '}
            <select name="format" value={f.format ?? 'json'} onChange={set('format')}>
              <option value="json">JSON</option>
              <option value="slack">Slack-compatible</option>
            </select>
          </label>
        </>
      )}
      {channelType === 'email' && (
        <label>
          To <input name="to" type="email" value={f.to ?? ''} onChange={set('to')} />
        </label>
      )}
      {num('throttleMinutes', 'At most one alert every (minutes)')}
      <label>
        Quiet hours
        <span>
          <input name="quietStart" type="time" value={f.quietStart ?? ''} onChange={set('quietStart')} /> to{' '}
          <input name="quietEnd" type="time" value={f.quietEnd ?? ''} onChange={set('quietEnd')} />
        </span>
      </label>
      <button type="submit" disabled={busy}>
        Subscribe
      </button>
      {problems.length > 0 && (
        <ul className="error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
