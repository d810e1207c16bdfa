import type { Transporter } from 'nodemailer';

/** One message as the outbox hands it to SMTP. */
export interface OutgoingMail {
  /** What kind, for logs (never the address or the words). */
  kind: 'reset' | 'invite' | 'reminder' | 'digest';
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** What sends a mail: nodemailer over SMTP here; anything with `send` in principle. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** nodemailer over `SMTP_URL` (smtp:// or smtps://), loaded only when mail is configured. */
export async function smtpMailer(url: string, from: string): Promise<Mailer> {
  const nodemailer = (await import('nodemailer')).default;
  const transport: Transporter = nodemailer.createTransport({
    url,
    // A stuck server fails a try within seconds; the outbox tries again later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.headers ? { headers: mail.headers } : {}),
        ...(mail.attachments ? { attachments: mail.attachments } : {}),
      });
    },
    close: () => transport.close(),
  };
}
