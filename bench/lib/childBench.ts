/**
 * Runs another engineer's `bench/*.bench.ts` in its own process, streaming its output and
 * keeping its `bench NAME: VALUE UNIT` lines for the summary. Killed if it overruns.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { track } from './cleanup.js';
import { keepLine } from './results.js';

export async function runChildBench(file: string, timeoutMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const untrack = track(async () => {
    child.kill('SIGKILL');
    await exited;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    console.log(line);
    keepLine(line);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await exited;
  clearTimeout(timer);
  untrack();
  if (code !== 0)
    throw new Error(
      `${file} exited with ${code ?? signal}${signal === 'SIGKILL' ? ` (over its ${timeoutMs / 1000} s budget?)` : ''}`,
    );
}
