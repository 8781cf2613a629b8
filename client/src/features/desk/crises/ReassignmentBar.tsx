/** How far re-assigning every report to the crises has come, live from the desk stream. */
import type { ReassignmentProgress } from '../../../../../shared/events.js';

const count = (n: number) => n.toLocaleString('en');

export function ReassignmentBar({ progress }: { progress: ReassignmentProgress | null }) {
  if (!progress) return null;
  const { state, done, total, changed } = progress;
  const words =
    state === 'running'
      ? `Re-assigning reports to the crises: ${count(done)} of ${count(total)} looked at, ${count(changed)} moved`
      : state === 'done'
        ? `Reports re-assigned to the crises as they now are: ${count(total)} looked at, ${count(changed)} moved`
        : 'A newer change of the crises took over this re-assignment';
  return (
    <div
      className={`reassignment reassignment-${state}`}
      role="status"
      data-testid="reassignment"
      data-state={state}
      data-version={progress.version}
    >
      <span>{words}</span>
      {state === 'running' && <progress max={Math.max(1, total)} value={done} aria-label="Re-assignment progress" />}
      {progress.finishedAt && state === 'done' && (
        <time className="hint" dateTime={progress.finishedAt}>
          {' '}
          · finished {new Date(progress.finishedAt).toLocaleTimeString()}
        </time>
      )}
    </div>
  );
}
