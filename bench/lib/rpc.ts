/**
 * Child programs of the bench (socket swarm, load generator, bare Socket.IO server) run
 * in their own processes, so load and measurement never share the server's CPU time.
 * They are driven over Node's IPC channel with a small request/answer protocol.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { track } from './cleanup.js';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Request = { id: number; cmd: string; args: unknown };
type Answer = { id: number; ok: boolean; result?: unknown; error?: string };

export type Child = {
  pid: number;
  process: ChildProcess;
  /** Sends a command and waits for its answer, at most `timeoutMs`. */
  call<T>(cmd: string, args?: unknown, timeoutMs?: number): Promise<T>;
  /** Asks the child to exit, and kills it if it has not within 5 s. */
  stop(): Promise<void>;
};

/** Starts `bench/clients/<name>.ts` under tsx with an IPC channel. */
export async function startChild(
  name: string,
  options: { env?: Record<string, string>; execArgv?: string[] } = {},
): Promise<Child> {
  const script = path.join(benchDir, 'clients', `${name}.ts`);
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (msg: Answer) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(`${name}: ${msg.error}`));
  });
  child.once('exit', (code, signal) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(`${name} exited (${code ?? signal}) before answering`));
    }
    pending.clear();
  });
  const handle: Child = {
    pid: child.pid!,
    process: child,
    call<T>(cmd: string, args: unknown = {}, timeoutMs = 60_000): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${name}: ${cmd} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        child.send({ id, cmd, args } satisfies Request);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ id: 0, cmd: 'exit', args: {} } satisfies Request);
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
  const untrack = track(() => handle.stop());
  child.once('exit', untrack);
  await handle.call('ping', {}, 30_000);
  return handle;
}

/** Child side: answers commands with the given handlers; `exit` ends the process. */
export function serve(handlers: Record<string, (args: never) => unknown>): void {
  process.on('message', (msg: Request) => {
    if (msg.cmd === 'exit') {
      void Promise.resolve(handlers.exit?.({} as never)).finally(() => process.exit(0));
      return;
    }
    if (msg.cmd === 'ping') {
      process.send!({ id: msg.id, ok: true, result: 'pong' } satisfies Answer);
      return;
    }
    const handler = handlers[msg.cmd];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${msg.cmd}`);
        return handler(msg.args as never);
      })
      .then(
        (result) => process.send!({ id: msg.id, ok: true, result } satisfies Answer),
        (err: unknown) =>
          process.send!({ id: msg.id, ok: false, error: (err as Error).stack ?? String(err) } satisfies Answer),
      );
  });
  // The parent is gone (crashed or killed): leave too, never linger.
  process.on('disconnect', () => process.exit(0));
}
