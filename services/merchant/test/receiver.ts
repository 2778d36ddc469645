import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
}

/** A webhook receiver on 127.0.0.1 that answers from a script (then 200s) and keeps what it got. */
export class ScriptedReceiver {
  readonly received: Received[] = [];
  private constructor(
    private readonly server: Server,
    private readonly script: Answer[],
    readonly url: string,
  ) {}

  static async start(script: Answer[] = [], path = '/hooks/bangbang'): Promise<ScriptedReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new ScriptedReceiver(server, script, `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
        const answer = receiver.script.shift() ?? { status: 200 };
        res.writeHead(answer.status, answer.headers).end();
      });
    });
    return receiver;
  }

  answerNext(...answers: Answer[]): void {
    this.script.push(...answers);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A receiver that holds every request open until released: a partner whose endpoint hangs. */
export class HeldReceiver {
  readonly held: { release(status: number): void }[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = '/hooks/slow'): Promise<HeldReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new HeldReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    server.on('request', (req, res) => {
      req.resume();
      req.on('end', () => receiver.held.push({ release: (status) => res.writeHead(status).end() }));
    });
    return receiver;
  }

  /** Answers every request held so far; later ones are answered at once. */
  releaseAll(status = 200): void {
    for (const r of this.held.splice(0)) r.release(status);
    this.server.removeAllListeners('request');
    this.server.on('request', (req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(status).end());
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
