import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { createCommunity, facilitator, memberCode, schedule } from '../integration/community-helpers.ts';
import { expectAccessible } from './support/axe.ts';
import { launchBrowser, openPerson, requireWebBuild, showScreensIfFailed, type Person } from './support/browser.ts';

/**
 * A member on a phone gives their email and chooses reminders on "My data"; the next
 * convening's reminder reaches a real SMTP server on 127.0.0.1. A reminder "hour" is 10 s here.
 */
const data = tempDir('brave-e2e-mail-');
let smtp: TestSmtp;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let may: Person;

beforeAll(async () => {
  requireWebBuild();
  smtp = await startSmtp();
  server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path, SMTP_URL: smtp.url, MAIL_HOUR_MS: '10000', MAIL_TICK_MS: '200' });
  browser = await launchBrowser();
  may = await openPerson(browser, 'May', 'phone');
}, 120_000);

afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, [may]));

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  data.remove();
});

it('a member sets their email and choices on a phone, and a reminder reaches them', async () => {
  const fran = await facilitator(server!.url);
  const c = await createCommunity(fran, { name: 'Lakeside Practice Circle' });
  const page = may.page;
  await page.goto(`${server!.url}/c/${c.id}/join#code=${await memberCode(fran, c.id)}`);
  await page.getByLabel('Display name').fill('May');
  await page.getByRole('button', { name: 'Join the community' }).click();
  await page.getByRole('link', { name: 'My data' }).click();
  await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Email' }).waitFor();
  await expectAccessible(page, 'my data, with email choices');

  // A mistyped address is named next to the field, in our words.
  await page.getByLabel('Your email address (optional)').fill('may at example');
  await page.getByRole('button', { name: 'Save my email choices' }).click();
  await page.getByText('Please write an email address such as name@example.org, or leave it empty.').waitFor();
  await expectAccessible(page, 'email choices with a problem');

  await page.getByLabel('Your email address (optional)').fill('may@example.org');
  await page.getByRole('checkbox', { name: 'Reminders before convenings, with a calendar file' }).check();
  await page.getByRole('checkbox', { name: 'News and a digest of the community' }).uncheck();
  await page.getByRole('button', { name: 'Save my email choices' }).click();
  await page.getByRole('status').getByText('Saved. We will email you only what you chose.').waitFor();
  await expectAccessible(page, 'email choices saved');

  // After a reload the page shows what is stored.
  await page.reload();
  await expect.poll(() => page.getByLabel('Your email address (optional)').inputValue(), { timeout: 15_000 }).toBe('may@example.org');
  expect(await page.getByRole('checkbox', { name: 'Reminders before convenings, with a calendar file' }).isChecked()).toBe(true);

  await schedule(fran, c.id, { title: 'Autumn gathering', startsAt: Date.now() + 15_000, durationMinutes: 60 });
  const mails = await smtp.waitFor((m) => m.some((x) => x.to.includes('may@example.org')), 'May’s reminder', 60_000);
  expect(mails.find((x) => x.to.includes('may@example.org'))!.subject).toBe('Tomorrow: Autumn gathering');
}, 180_000);
