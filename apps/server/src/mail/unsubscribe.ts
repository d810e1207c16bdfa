import { z } from 'zod';
import { MailList } from '@brave/protocol';
import { Signer, type SignedFormat } from '../auth/signed.ts';
import { parseSubject, subjectKey, type Subject } from './store.ts';

/**
 * One-click unsubscribe links: `u1.<claims>.<hmac>` under the server secret, naming the
 * person (subject) and the list. They never expire: a link in a year-old email still stops
 * the mail. The prefix is signed, so no other credential passes as one.
 */
const Claims = z.object({ s: z.string().max(200), l: z.union([MailList, z.literal('all')]) });
const U1: SignedFormat<z.infer<typeof Claims>> = { prefix: 'u1', claims: Claims, maxLength: 600, macCoversPrefix: true };

export class UnsubscribeTokens {
  private readonly signer: Signer;

  constructor(secret: string) {
    this.signer = new Signer(secret);
  }

  issue(subject: Subject, list: MailList | 'all'): string {
    return this.signer.sign(U1, { s: subjectKey(subject), l: list });
  }

  verify(token: unknown): { subject: Subject; list: MailList | 'all' } | null {
    const claims = this.signer.verify(U1, token);
    const subject = claims ? parseSubject(claims.s) : null;
    return claims && subject ? { subject, list: claims.l } : null;
  }
}
