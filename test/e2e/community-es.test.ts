import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { launchBrowser, openPerson, requireWebBuild, showScreensIfFailed, type Person } from './support/browser.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * A Spanish-speaking member on a phone, in real Chromium against the real server: she
 * opens the invite link a facilitator shared, switches the page to Español, joins, and
 * reads the community home in Spanish. The facilitator's side stays in English.
 */
describe('joining a community in Spanish, on a phone', () => {
  const data = tempDir('brave-e2e-community-es-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fay: Person;
  let lucia: Person;
  let invite = '';
  const people: Person[] = [];

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    browser = await launchBrowser();
    fay = await openPerson(browser, 'Fay', 'laptop');
    lucia = await openPerson(browser, 'Lucía', 'phone');
    people.push(fay, lucia);
  });

  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, people));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('a facilitator makes a community and copies its member invite link (in English)', async () => {
    const page = fay.page;
    await page.goto(`${server!.url}/account`);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('Fay');
    await page.getByLabel('Email').fill('fay@example.org');
    await page.getByLabel('Password').fill('a long shared passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/communities');
    await page.getByLabel('Community name').fill('Red de Aprendizaje Riverside');
    await page.getByRole('button', { name: 'Create the community' }).click();
    await page.getByRole('heading', { level: 1, name: 'Red de Aprendizaje Riverside' }).waitFor();
    invite = await page.getByRole('textbox', { name: 'Member invite link' }).inputValue();
    expect(invite).toContain('/join#code=');
  });

  it('a member switches to Español, joins from the invite link and reads her community home in Spanish', async () => {
    const page = lucia.page;
    await page.goto(invite);
    await page.getByRole('heading', { name: 'Our agreements' }).waitFor();
    await page.getByLabel('Language (Idioma)').selectOption({ label: 'Español' });
    await page.getByRole('heading', { name: 'Nuestros acuerdos' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expectAccessible(page, 'the invite page, in Spanish on a phone');

    // A name left out is said in Spanish, next to the field.
    await page.getByRole('button', { name: 'Unirme a la comunidad' }).click();
    await page.getByText('Escribe el nombre con el que quieres que te vea la comunidad.').waitFor();
    await page.getByLabel('Nombre visible').fill('Lucía');
    await page.getByLabel('Pronombres (opcional)').fill('ella');
    await page.getByRole('button', { name: 'Unirme a la comunidad' }).click();

    await page.getByRole('link', { name: 'Mis datos' }).waitFor();
    await page.getByText('Comunidad · estás aquí como Lucía').waitFor();
    await page.getByRole('heading', { name: 'Convocatorias' }).waitFor();
    await page.getByText('Todavía no hay nada programado.').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expectAccessible(page, 'a member’s community home, in Spanish on a phone');

    // The choice stays with the device: a reload keeps the page in Spanish.
    await page.reload();
    await page.getByRole('link', { name: 'Mis datos' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mis datos' }).waitFor();
    await page.getByRole('heading', { name: 'Salir de la comunidad' }).waitFor();
    await expectAccessible(page, 'my data, in Spanish on a phone');
    expect(lucia.problems).toEqual([]);
  });
});
