/**
 * A real webhook receiver on loopback for the alert tests: records every request (headers,
 * raw body, when) and answers what the test says — a status, or "hold" (never answer).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedRequest = {
  at: number;
  headers: IncomingMessage['headers'];
  body: string;
  answered: number | null;
};
export type Responder = (request: ReceivedRequest, index: number) => number | 'hold';

export type WebhookReceiver = {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  respond: Responder;
  close(): Promise<void>;
};

/** Starts a receiver on 127.0.0.1 (`port` 0 = any free port). Answers 200 unless told otherwise. */
export async function startReceiver(port = 0, respond: Responder = () => 200): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    port: 0,
    requests,
    respond,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: ReceivedRequest = {
        at: Date.now(),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answered: null,
      };
      const index = requests.push(request) - 1;
      const answer = receiver.respond(request, index);
      if (answer === 'hold') return; // keep the sender waiting (it may die meanwhile)
      request.answered = answer;
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hook`;
  return receiver;
}
