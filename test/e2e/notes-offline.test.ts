import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { LiveClient } from '@brave/client';
import type { CreateConveningResult } from '@brave/protocol';
import { joinAs, ok, openConvening, until } from '../support/people.ts';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { launchBrowser, openPerson, requireWebBuild, showScreensIfFailed, type Person } from './support/browser.ts';
import { docStatus, typeAtEnd } from './support/notes.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * Notes on a weak connection, in real Chromium against the real server: what Ana types
 * while the document's server cannot be reached stays on her phone through a reload and
 * a closed tab, merges with what Ben wrote meanwhile once it can, and only then says
 * "shared"; a caucus member's copy is wiped from the device when she leaves the caucus.
 */
const NOT_SHARED = 'Saved on this device, not yet shared';
const SHARED = 'Connected: your edits are shared';

/** The names of this page's IndexedDB databases (what the device keeps). */
const databases = (page: Page): Promise<string[]> =>
  page.evaluate<string[]>("indexedDB.databases().then((list) => list.map((d) => d.name ?? ''))");

/** Documents' websockets refused while `blocked` (the page, its API and its live socket still work). */
async function blockable(context: BrowserContext) {
  const gate = { blocked: false };
  await context.routeWebSocket(/\/collab\//, (ws) => {
    if (gate.blocked) void ws.close({ code: 4503, reason: 'unreachable' });
    else ws.connectToServer();
  });
  return gate;
}

describe('notes that survive a weak connection', () => {
  const data = tempDir('brave-e2e-offline-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let host: LiveClient | undefined;
  const clients: LiveClient[] = [];
  let made: CreateConveningResult;
  const people: Person[] = [];
  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, people));

  /** A participant whose seat this browser already holds (joined over the API), on `device`. */
  async function seated(name: string, device: 'phone' | 'laptop') {
    const { joined, client } = await joinAs(server!.url, made.joinCode, name);
    clients.push(client);
    const person = await openPerson(browser!, name, device);
    people.push(person);
    const seat = JSON.stringify({ token: joined.token, role: 'participant', name });
    await person.context.addInitScript({ content: `localStorage.setItem(${JSON.stringify(`brave-space:seat:${made.id}`)}, ${JSON.stringify(seat)});` });
    return { person, joined, client };
  }

  async function openNotes(page: Page, name: string, title: string | RegExp): Promise<Locator> {
    await page.goto(`${server!.url}/notes/${made.id}/${encodeURIComponent(name)}`);
    const editor = page.getByRole('textbox', { name: title });
    await editor.waitFor();
    return editor;
  }

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    ({ made, host } = await openConvening(server.url, { title: 'Block club convening', hostName: 'Fran' }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    host?.close();
    for (const c of clients) c.close();
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('typed while the server is unreachable: kept through a reload and a closed tab, merged and shared once back', async () => {
    const ana = await seated('Ana', 'phone');
    const ben = await seated('Ben', 'laptop');
    const plenary = `notes:${made.id}:plenary`;
    const gate = await blockable(ana.person.context);
    let anaNotes = await openNotes(ana.person.page, plenary, 'Plenary notes');
    const benNotes = await openNotes(ben.person.page, plenary, 'Plenary notes');
    await docStatus(ana.person.page, 'Connected');
    await docStatus(ben.person.page, 'Connected');

    gate.blocked = true;
    // Drop the open socket: the next attempts are refused while blocked.
    await ana.person.context.setOffline(true);
    await docStatus(ana.person.page, 'Offline');
    await ana.person.context.setOffline(false);
    await docStatus(ana.person.page, 'Reconnecting');
    await typeAtEnd(ana.person.page, anaNotes, 'Written at the bus stop, no signal.');
    await docStatus(ana.person.page, NOT_SHARED);
    await expectAccessible(ana.person.page, 'notes saved on this device, not yet shared, on a phone');

    // Meanwhile Ben writes too.
    await typeAtEnd(ben.person.page, benNotes, 'Ben: the library has a free room on Thursdays.');
    await docStatus(ben.person.page, SHARED);

    // A reload, still unreachable: the words are still there, still not shared.
    await ana.person.page.reload();
    anaNotes = ana.person.page.getByRole('textbox', { name: 'Plenary notes' });
    await anaNotes.filter({ hasText: 'Written at the bus stop, no signal.' }).waitFor();
    await docStatus(ana.person.page, NOT_SHARED);

    // The tab closed, then opened again: the same.
    await ana.person.page.close();
    ana.person.page = await ana.person.context.newPage();
    anaNotes = await openNotes(ana.person.page, plenary, 'Plenary notes');
    await anaNotes.filter({ hasText: 'Written at the bus stop, no signal.' }).waitFor();
    await docStatus(ana.person.page, NOT_SHARED);
    expect(await anaNotes.innerText()).not.toContain('free room on Thursdays');
    // Her copy is hers: its database is named for the document and for her.
    expect(await databases(ana.person.page)).toContain(`brave-space:doc:${plenary}:${ana.joined.participantId}`);

    // Reachable again: both texts in both editors, and only now "shared".
    gate.blocked = false;
    await ana.person.page.getByRole('button', { name: 'Try again now' }).click();
    await docStatus(ana.person.page, SHARED, 45_000);
    await anaNotes.filter({ hasText: 'free room on Thursdays' }).waitFor();
    await benNotes.filter({ hasText: 'Written at the bus stop, no signal.' }).waitFor();
    expect(await ana.person.page.getByText(NOT_SHARED).count()).toBe(0);
    expect([...ana.person.problems, ...ben.person.problems]).toEqual([]);
  });

  it('a caucus member’s copy of the caucus notes is wiped from the device when she leaves the caucus', async () => {
    const carla = await seated('Carla', 'phone');
    await ok(carla.client, { type: 'affinity.answer', answer: 'person of color' });
    const round = await ok(host!, { type: 'round.open', seed: 3, spec: { name: 'Caucus', durationSeconds: 900, strategy: { kind: 'affinity', undecided: 'plenary' } } });
    const room = await until(carla.client, (c) => Object.values(c.state!.rounds[round.id!]?.rooms ?? {}).find((r) => r.kind === 'caucus'));
    const name = `notes:${made.id}:${round.id}:${room.id}`;
    const page = carla.person.page;
    const notes = await openNotes(page, name, /^Caucus notes: /);
    await docStatus(page, 'Connected');
    await typeAtEnd(page, notes, 'What we said here stays here.');
    await docStatus(page, SHARED);
    await expectAccessible(page, 'caucus notes on a phone');
    const ours = (names: string[]) => names.filter((n) => n.startsWith(`brave-space:doc:${name}:${carla.joined.participantId}:`));
    // Kept for this session only: the name carries a key of her credential as well.
    await expect.poll(async () => ours(await databases(page)).length).toBe(1);

    // She leaves the caucus for the main room: the caucus chose Fran as its host, and Fran
    // moves her out (nobody else may). The server closes the notes; the device forgets them.
    await ok(carla.client, { type: 'room.hosts.set', roomId: room.id, hostIds: [host!.self!.participantId] });
    await until(host!, (h) => h.state!.rounds[round.id!]?.rooms[room.id]?.hosts.includes(host!.self!.participantId));
    await ok(host!, { type: 'room.move', participantId: carla.joined.participantId, toRoomId: null });
    await page.getByText('Your access to this document changed').waitFor({ timeout: 30_000 });
    await expect.poll(async () => ours(await databases(page)), { timeout: 15_000 }).toEqual([]);
    await expect.poll(() => page.evaluate<string>("localStorage.getItem('brave-space:local-docs:index') ?? ''")).not.toContain(name);
    expect(carla.person.problems).toEqual([]);
  });
});
