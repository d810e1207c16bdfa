import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser as Chromium } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { createCommunity, facilitator, joinCommunity, memberCode, schedule, startAsHost, type Browser } from '../integration/community-helpers.ts';
import { expectAccessible } from './support/axe.ts';
import { launchBrowser, openPerson, requireWebBuild, showScreensIfFailed, type Person } from './support/browser.ts';

/**
 * The member's community home stays current (issue 15, item 19): with the home open on
 * her phone, Ana sees a convening the facilitator just planned, and then its Join button
 * the moment it starts, without reloading; her screen reader hears each change. New
 * members and working groups appear the same way. The
 * facilitator works through the API here, as her own browser would. The page polls only
 * every 30 seconds, so each wait below is shorter than that: what arrives came by the
 * doorbell.
 */
const SOONER_THAN_THE_POLL = 20_000;

describe('a member’s community home updates live', () => {
  const data = tempDir('brave-e2e-community-live-');
  let server: ServerProcess | undefined;
  let browser: Chromium | undefined;
  let ana: Person;
  let fran: Browser;
  let communityId = '';
  const people: Person[] = [];

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    browser = await launchBrowser();
    ana = await openPerson(browser, 'Ana', 'phone');
    people.push(ana);
    fran = await facilitator(server.url, 'Fran');
    communityId = (await createCommunity(fran, { name: 'Eastside Learning Network' })).id;
  });

  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, people));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('Ana joins and keeps the home open; a newly planned convening appears, then Join once it starts, with no reload', async () => {
    const page = ana.page;
    await page.goto(`${server!.url}/c/${communityId}/join#code=${await memberCode(fran, communityId)}`);
    await page.getByLabel('Display name').fill('Ana');
    await page.getByRole('button', { name: 'Join the community' }).click();
    await page.getByRole('link', { name: 'My data' }).waitFor();
    // A mark on this very page: a reload would wipe it.
    await page.evaluate(() => ((globalThis as unknown as { stillHere: boolean }).stillHere = true));
    const announcement = page.getByRole('status').filter({ hasText: /convening|started/ });

    const planned = await schedule(fran, communityId, { title: 'Spring gathering', startsAt: Date.UTC(2031, 3, 10, 16, 0) });
    await page.getByRole('heading', { name: /Spring gathering/ }).waitFor({ timeout: SOONER_THAN_THE_POLL });
    await expect.poll(() => announcement.textContent(), { timeout: SOONER_THAN_THE_POLL }).toContain('A new convening was planned: Spring gathering');
    expect(await page.getByRole('button', { name: 'Join Spring gathering' }).count()).toBe(0);

    const host = await startAsHost(fran, communityId, planned.id);
    try {
      await page.getByRole('button', { name: 'Join Spring gathering' }).waitFor({ timeout: SOONER_THAN_THE_POLL });
      await expect.poll(() => announcement.textContent(), { timeout: SOONER_THAN_THE_POLL }).toContain('Spring gathering has started: you can join.');
      expect(await page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
      await expectAccessible(page, 'a member home whose convening has just started');

      // The button works: it takes Ana to the convening's door.
      await page.getByRole('button', { name: 'Join Spring gathering' }).click();
      await page.getByRole('heading', { name: 'Before you come in' }).waitFor();
    } finally {
      host.client.close();
    }
    expect(ana.problems).toEqual([]);
  });

  it('a member who joins appears on the open home, and a new working group with them', async () => {
    const page = ana.page;
    await page.goto(`${server!.url}/c/${communityId}`);
    const members = page.getByRole('region', { name: /^Members/ });
    await members.getByText('Ana', { exact: true }).waitFor();
    await page.evaluate(() => ((globalThis as unknown as { stillHere: boolean }).stillHere = true));

    const bo = await joinCommunity(server!.url, communityId, await memberCode(fran, communityId), { name: 'Bo' });
    await members.getByText('Bo', { exact: true }).waitFor({ timeout: SOONER_THAN_THE_POLL });
    const made = await fran.call('POST', `/api/communities/${communityId}/working-groups`, { name: 'Story keepers', channels: [], members: [bo.memberId] });
    expect(made.status).toBe(201);
    await page.getByText('Story keepers').first().waitFor({ timeout: SOONER_THAN_THE_POLL });
    expect(await page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(ana.problems).toEqual([]);
  });
});
