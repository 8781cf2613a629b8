// Preloaded into server processes (NODE_OPTIONS=--import) when BENCH_CPU_PROF is set, because
// Node refuses --cpu-prof in NODE_OPTIONS: profiles the whole process with the inspector and
// writes <dir>/<role>-<pid>.cpuprofile when it exits (open it in Chrome DevTools or speedscope).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  const role = process.argv[process.argv.indexOf('--role') + 1] ?? 'node';
  process.once('exit', () => {
    // Same-thread inspector sessions answer synchronously, so this completes inside 'exit'.
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(path.join(dir, `${role}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
