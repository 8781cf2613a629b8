/**
 * Progress of an import on stderr: a cli-progress bar with rate and ETA on a terminal,
 * plain lines every few seconds otherwise (CI logs, pipes), so stdout stays the summary.
 * It counts files read out of all, and items done out of all found so far: an item refused
 * before sending (a broken line, an empty file) is done as soon as its file is read, so the
 * last line's counts are the summary's.
 */
import cliProgress from 'cli-progress';

export type Progress = {
  /** A file was read: `items` found in it, `done` of them already settled (refused locally). */
  fileRead(items: number, done: number): void;
  /** One item was sent and answered (or given up on). */
  tick(): void;
  stop(): void;
};

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function createProgress(
  files: number,
  stream: NodeJS.WriteStream = process.stderr,
  plainEveryMs = 2000,
): Progress {
  const started = Date.now();
  let filesRead = 0;
  let total = 0;
  let done = 0;
  let sent = 0;
  const rate = () => sent / Math.max((Date.now() - started) / 1000, 0.001);

  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format:
          'import [{bar}] {percentage}% | {value}/{total} items | {filesRead}/{files} files | {rate}/s | ETA {eta_formatted}',
        stream,
        etaBuffer: 200,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0, { rate: '0', filesRead: 0, files });
    const update = () => {
      bar.setTotal(total);
      bar.update(done, { rate: rate().toFixed(0), filesRead, files });
    };
    return {
      fileRead(items, settled) {
        filesRead++;
        total += items;
        done += settled;
        update();
      },
      tick() {
        done++;
        sent++;
        update();
      },
      stop: () => bar.stop(),
    };
  }

  const line = () => {
    const r = rate();
    const pct = total ? Math.floor((done / total) * 100) : 100;
    stream.write(
      `import: ${done}/${total} items (${pct}%), ${filesRead}/${files} files read, ${r.toFixed(0)} items/s, ETA ${formatSeconds((total - done) / r)}\n`,
    );
  };
  const timer = setInterval(line, plainEveryMs);
  timer.unref();
  return {
    fileRead(items, settled) {
      filesRead++;
      total += items;
      done += settled;
    },
    tick() {
      done++;
      sent++;
    },
    stop() {
      clearInterval(timer);
      line();
    },
  };
}
