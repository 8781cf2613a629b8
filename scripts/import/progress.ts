/**
 * Progress of an import on stderr: a cli-progress bar with rate and ETA on a terminal,
 * plain lines every few seconds otherwise (CI logs, pipes), so stdout stays the summary.
 */
import cliProgress from 'cli-progress';

export type Progress = { tick(): void; stop(): void };

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function createProgress(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  plainEveryMs = 2000,
): Progress {
  const started = Date.now();
  let done = 0;
  const rate = () => done / Math.max((Date.now() - started) / 1000, 0.001);

  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'import [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}',
        stream,
        etaBuffer: 200,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0' });
    return {
      tick() {
        done++;
        bar.update(done, { rate: rate().toFixed(0) });
      },
      stop: () => bar.stop(),
    };
  }

  const line = () => {
    const r = rate();
    const pct = total ? Math.floor((done / total) * 100) : 100;
    stream.write(
      `import: ${done}/${total} (${pct}%), ${r.toFixed(0)} items/s, ETA ${formatSeconds((total - done) / r)}\n`,
    );
  };
  const timer = setInterval(line, plainEveryMs);
  timer.unref();
  return {
    tick: () => void done++,
    stop() {
      clearInterval(timer);
      line();
    },
  };
}
