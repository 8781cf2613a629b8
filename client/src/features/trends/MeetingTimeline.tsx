/**
 * The meetings of a crisis on one time axis: held, cancelled, passed without word of being held,
 * and coming, each in its own lane and colour, today marked; undated ones listed apart.
 */
import { useMemo } from 'react';
import {
  CartesianGrid,
  LabelList,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import type { Meeting } from '../../../../shared/state.js';
import { timeAxis } from '../../components/charts/timeAxis.js';
import { meetingHeadings } from '../wall/meetingSchedule.js';
import { useBoxSize } from '../wall/useBoxSize.js';
import { fullDay } from './dates.js';
import { meetingLanes, meetingTimeline, type MeetingPoint } from './trendSeries.js';

const laneColours = ['#3ddc84', '#ff5a5f', '#9fb0c2', '#56b4e9'];
const DAY_MS = 86_400_000;

function MeetingTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as MeetingPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="trend-tooltip">
      <strong>{point.title}</strong>
      <div>{point.line}</div>
      <div className="muted">
        {fullDay(point.t)} · {point.laneName.toLowerCase()}
        {point.meeting.moved ? ' · moved' : ''}
      </div>
    </div>
  );
}

export function MeetingTimeline({ meetings, nowMs }: { meetings: readonly Meeting[]; nowMs: number }) {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const { points, undated } = useMemo(() => meetingTimeline(meetings, today), [meetings, today]);
  const [ref, { width, height, em }] = useBoxSize<HTMLDivElement>(16);
  const axis = useMemo(
    () => timeAxis([...points.map((p) => p.t), today], Math.floor(width / (7 * em))),
    [points, today, width, em],
  );
  const lanes = meetingLanes.map((name, lane) => ({ name, lane, points: points.filter((p) => p.lane === lane) }));
  const counts = lanes.map((l) => `${l.points.length} ${l.name.toLowerCase()}`).join(', ');
  return (
    <section className="trend-card trend-meetings" aria-labelledby="trend-meetings-title" data-testid="trend-meetings">
      <header className="trend-card-header">
        <h2 id="trend-meetings-title">Meetings</h2>
        <ul className="trend-legend" aria-label="Lanes">
          {lanes.map((l) => (
            <li key={l.name}>
              <span className="trend-dot" style={{ background: laneColours[l.lane] }} aria-hidden="true" />
              {l.name} ({l.points.length})
            </li>
          ))}
        </ul>
      </header>
      <div
        className="trend-plot trend-meetings-plot"
        ref={ref}
        role="img"
        aria-label={`Meetings by date: ${counts}${undated.length > 0 ? `, ${undated.length} without a date` : ''}`}
        data-testid="trend-meetings-chart"
      >
        {width > 0 && height > 0 && points.length > 0 && (
          <ScatterChart
            width={width}
            height={height}
            margin={{ top: 0.6 * em, right: 1.5 * em, bottom: 0.2 * em, left: 0.2 * em }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="var(--border)" horizontal={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="linear"
              domain={[axis.domain[0] - DAY_MS, axis.domain[1] + DAY_MS]}
              ticks={axis.ticks}
              tickFormatter={axis.label}
              stroke="var(--muted)"
              tick={{ fill: 'var(--muted)', fontSize: 0.85 * em }}
              tickMargin={0.4 * em}
              height={2 * em}
            />
            <YAxis
              dataKey="lane"
              type="number"
              domain={[-0.6, meetingLanes.length - 0.4]}
              ticks={meetingLanes.map((_, i) => i)}
              tickFormatter={(i: number) => meetingLanes[i] ?? ''}
              reversed
              stroke="var(--muted)"
              tick={{ fill: 'var(--text)', fontSize: 0.85 * em }}
              width={12 * em}
            />
            <ReferenceLine
              x={today}
              stroke="var(--warn)"
              strokeDasharray={`${0.4 * em} ${0.3 * em}`}
              label={{ value: 'Today', fill: 'var(--warn)', position: 'insideTopRight', fontSize: 0.85 * em }}
            />
            <Tooltip content={MeetingTooltip} isAnimationActive={false} cursor={false} />
            {lanes.map((l) => (
              <Scatter
                key={l.name}
                name={l.name}
                data={l.points}
                fill={laneColours[l.lane]}
                isAnimationActive={false}
                shape={(p: { cx?: number; cy?: number }) => (
                  <circle cx={p.cx} cy={p.cy} r={0.45 * em} fill={laneColours[l.lane]} stroke="var(--panel)" />
                )}
              >
                {/* Read from across a room: each meeting says who, not only on hover. */}
                <LabelList dataKey="title" position="right" offset={0.7 * em} fill="var(--text)" fontSize={0.85 * em} />
              </Scatter>
            ))}
          </ScatterChart>
        )}
        {points.length === 0 && <p className="trend-empty">No dated meeting reported yet.</p>}
      </div>
      {undated.length > 0 && (
        <p className="trend-undated">
          <span className="muted">No date yet:</span>{' '}
          {undated
            .slice(0, 6)
            .map((m) => meetingHeadings(m).title)
            .join(' · ')}
          {undated.length > 6 ? ` and ${undated.length - 6} more` : ''}
        </p>
      )}
    </section>
  );
}
