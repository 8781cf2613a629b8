/** The app's logger (pino, JSON lines). Secrets never go into log fields. */
import { pino, type Logger } from 'pino';

export function createLogger(level: string, role: string): Logger {
  return pino({
    level,
    base: { role, pid: process.pid },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'secret', '*.secret'],
  });
}
