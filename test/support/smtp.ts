import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

/** A real SMTP server on a random loopback port that parses what it receives with mailparser. */
export interface TestSmtp {
  port: number;
  url: string;
  messages: ParsedMail[];
  /** Wait until at least n messages have arrived (polls; no fixed sleeps). */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** How the test server misbehaves: refuse a recipient with a reply code, or answer DATA late. */
export interface SmtpBehaviour {
  /** An SMTP reply code (e.g. 550 or 451) to refuse this recipient with, or undefined to accept. */
  refuse?(recipient: string): number | undefined;
  /** Milliseconds to wait before the 250 to this message's DATA (a stalling server). */
  stallMs?(mail: ParsedMail): number;
}

export async function startTestSmtp(port = 0, behaviour: SmtpBehaviour = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled clients keep connections open: close them instead of waiting 30 s for them.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      const code = behaviour.refuse?.(address.address);
      if (code)
        return callback(Object.assign(new Error(`refused by test (${code})`), { responseCode: code }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const stall = behaviour.stallMs?.(mail) ?? 0;
          const accept = () => {
            messages.push(mail);
            callback();
          };
          if (stall > 0) setTimeout(accept, stall);
          else accept();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    messages,
    async waitFor(n, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A free loopback port with nothing listening on it (for "the server is down"). */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
