import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One mail as a real SMTP server on 127.0.0.1 received it: envelope, headers and the decoded parts. */
export interface ReceivedMail {
  to: string[];
  raw: string;
  headers: Map<string, string>;
  subject: string;
  /** Every text part decoded (quoted-printable and base64 undone): text, HTML and the .ics. */
  body: string;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 and a free port, no TLS, no
 * auth, keeping every mail it receives. `waitFor` awaits a condition on what arrived.
 */
export interface TestSmtp extends AsyncDisposable {
  port: number;
  url: string;
  mails: ReceivedMail[];
  waitFor(ok: (mails: ReceivedMail[]) => boolean, what: string, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const listeners = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(parse(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
        for (const l of listeners) l();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    mails,
    waitFor(ok, what, timeoutMs = 30_000) {
      if (ok(mails)) return Promise.resolve(mails);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no mail: ${what} (received ${mails.length}: ${mails.map((m) => m.subject).join(' | ')})`));
        }, timeoutMs);
        const check = () => {
          if (!ok(mails)) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(mails);
        };
        listeners.add(check);
      });
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** A port nothing listens on right now (for "the SMTP server is down"). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

function parse(raw: string, to: string[]): ReceivedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return { to, raw, headers, subject: decodeWords(headers.get('subject') ?? ''), body: decodeParts(rest.join('\n\n')) };
}

/** MIME parts: each part's body decoded by its Content-Transfer-Encoding. */
function decodeParts(body: string): string {
  const out: string[] = [];
  for (const part of body.split(/\r?\n--[^\r\n]+/)) {
    const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
    const content = rest.join('\n\n');
    if (/content-transfer-encoding:\s*base64/i.test(head)) out.push(Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8'));
    else if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) out.push(qp(content));
    else out.push(part);
  }
  return out.join('\n');
}

const qp = (s: string) =>
  Buffer.from(
    s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

/** RFC 2047 encoded words (=?UTF-8?Q?…?= or ?B?) in a header. */
function decodeWords(v: string): string {
  return v.replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
  );
}
