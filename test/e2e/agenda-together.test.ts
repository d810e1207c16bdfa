import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { LiveClient } from '@brave/client';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { joinAs } from '../support/people.ts';
import { createConvening, launchBrowser, openPerson, planMixRound, requireWebBuild, type Person } from './support/browser.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * A facilitator prepares three mix rounds on the agenda and previews the first: the
 * preview says the rounds were planned together. Participants join over the API (their
 * screens are not what this test is about).
 */
describe('agenda rounds planned together, in the browser', () => {
  const data = tempDir('brave-e2e-agenda-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fran: Person;
  const people: LiveClient[] = [];

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path, PLAN_BUDGET_MS: '300' });
    browser = await launchBrowser();
    fran = await openPerson(browser, 'Fran', 'laptop');
  });

  afterAll(async () => {
    for (const p of people) p.close();
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('"Preview first" on the first of three mix rounds shows the whole schedule', async () => {
    const page = fran.page;
    const invite = await (await createConvening(page, server!.url, { title: 'Getting to know the network', hostName: 'Fran', set: 'Talking openly about race' })).open();
    for (let i = 0; i < 8; i++) people.push((await joinAs(server!.url, invite.joinCode, `Person ${i}`)).client);

    const agenda = page.getByRole('region', { name: /^Agenda/ });
    for (const name of ['Pairs A', 'Pairs B', 'Pairs C']) {
      await planMixRound(page, name, 2);
      await page.getByRole('button', { name: 'Save to agenda' }).click();
      await agenda.getByText(name, { exact: false }).waitFor();
    }
    await agenda.getByRole('button', { name: 'Preview and edit Pairs A' }).click();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const line = page.getByRole('region', { name: 'Preview: Pairs A' }).getByText(/^Planned 3 rounds of the agenda together in \d+\.\d s \(search budget 0\.3 s\): no pair meets again across them/);
    await line.waitFor();
    await expectAccessible(page, 'breakout preview of three rounds planned together');
    expect(fran.problems).toEqual([]);
  });
});
