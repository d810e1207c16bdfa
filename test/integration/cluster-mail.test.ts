// Convening reminders with two server processes on one PostgreSQL and one Redis, both
// looking for due reminders every 100 ms. What a member would notice if this broke: the
// same reminder twice (once from each process), or none because each left it to the other.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { available } from '../support/engines.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { startCluster, type TestCluster } from './cluster-helpers.ts';
import { asMember, facilitator, joinCommunity, memberCode, createCommunity, schedule } from './community-helpers.ts';
import { emailOf, to } from './mail-helpers.ts';

/** A reminder "hour" of 10 s: a convening 15 s away is due its day reminder at once, its hour reminder 5 s later. */
const HOUR = 10_000;
const engines = available('postgres') && available('redis');
let smtp: TestSmtp;
let cluster: TestCluster;

beforeAll(async () => {
  if (!engines) return;
  smtp = await startSmtp();
  cluster = await startCluster(['node-a', 'node-b'], { SMTP_URL: smtp.url, MAIL_HOUR_MS: String(HOUR), MAIL_TICK_MS: '100' });
}, 240_000);
afterAll(async () => {
  await cluster?.close();
  await smtp?.close();
}, 60_000);

it.skipIf(!engines)('sends each reminder once though two processes look for it', async () => {
  const fran = await facilitator(cluster.url('node-a'));
  const franEmail = await emailOf(fran);
  const c = await createCommunity(fran, { name: 'Roots circle' });
  // Bo signs up for reminders through the other process.
  const bo = await joinCommunity(cluster.url('node-b'), c.id, await memberCode(fran, c.id), { name: 'Bo' });
  await asMember(cluster.url('node-b'), 'PUT', `/api/communities/${c.id}/me/mail`, bo.token, { email: 'bo@example.org', reminders: true, news: false });

  await schedule(fran, c.id, { title: 'Spring gathering', startsAt: Date.now() + 1.5 * HOUR, durationMinutes: 60 });
  const both = (n: number) => to(smtp.mails, 'bo@example.org').length >= n && to(smtp.mails, franEmail).length >= n;
  await smtp.waitFor(() => both(2), 'the day and hour reminders', 60_000);
  // A later convening's reminder: once it is in, both processes have looked many times since.
  await schedule(fran, c.id, { title: 'Budget huddle', startsAt: Date.now() + 2 * HOUR, durationMinutes: 30 });
  const huddle = (address: string) => to(smtp.mails, address).some((x) => x.subject === 'Tomorrow: Budget huddle');
  await smtp.waitFor(() => huddle('bo@example.org') && huddle(franEmail), 'the barrier reminders');

  const subjects = (address: string) => to(smtp.mails, address).map((m) => m.subject).sort();
  const once = ['In an hour: Spring gathering', 'Tomorrow: Budget huddle', 'Tomorrow: Spring gathering'];
  expect(subjects('bo@example.org')).toEqual(once);
  expect(subjects(franEmail)).toEqual(once);
}, 120_000);
