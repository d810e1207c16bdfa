import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { expectAccessible } from './support/axe.ts';
import { affirm, createConvening, fillJoinForm, launchBrowser, openPerson, planMixRound, queueCard, requireWebBuild, seeStatus, showScreensIfFailed, type Person } from './support/browser.ts';
import { openDoc, typeAtEnd } from './support/notes.ts';

/**
 * A Spanish-speaking participant on a phone (docs/languages.md): she picks Español at the
 * foot of the first screen, and from then on every screen she meets is in Spanish, says so
 * to assistive technology (html lang), and passes axe. The facilitator's console stays in
 * English, the language of her own browser.
 */
describe('a participant who reads Spanish', () => {
  const data = tempDir('brave-e2e-languages-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fran: Person;
  let lucia: Person;
  let bo: Person;
  let joinUrl = '';

  const inSpanish = async (page: Page, screen: string) => {
    expect(await page.locator('html').getAttribute('lang'), screen).toBe('es');
    await expectAccessible(page, `${screen}, in Spanish`);
  };

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path, ROUND_SECOND_MS: '50' });
    browser = await launchBrowser();
    fran = await openPerson(browser, 'Fran', 'laptop');
    lucia = await openPerson(browser, 'Lucía', 'phone');
    bo = await openPerson(browser, 'Bo', 'phone');
    await lucia.page.emulateMedia({ reducedMotion: 'reduce' });
  }, 120_000);

  afterEach(async (ctx) => showScreensIfFailed(ctx.task.result?.state, [fran, lucia, bo]));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('picks Español on the join screen, joins and affirms the agreements in Spanish', { timeout: 120_000 }, async () => {
    ({ joinUrl } = await (await createConvening(fran.page, server!.url, { title: 'Círculo de aprendizaje', hostName: 'Fran', set: 'Talking openly about race' })).open());
    const page = lucia.page;
    await page.goto(joinUrl);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Language (Idioma)').selectOption('es');
    await page.getByLabel('Tu nombre').waitFor();
    await page.getByText('Te invitan a').waitFor();
    await inSpanish(page, 'the join form');

    await page.getByLabel('Tu nombre').fill('Lucía');
    await page.getByRole('button', { name: 'Unirme', exact: true }).click();
    await page.getByRole('heading', { name: 'Antes de entrar' }).waitFor();
    await inSpanish(page, 'the agreements before coming in');
    await page.getByRole('button', { name: 'Me comprometo a cuidarlos contigo' }).click();

    await page.getByRole('heading', { name: 'Dilo en el momento' }).waitFor();
    await page.getByRole('region', { name: 'Sobre ti' }).getByRole('button', { name: 'Ahora no' }).click();
    await page.getByText('No hay problema.').waitFor();
    await inSpanish(page, 'the participant screen');

    // The choice is kept on this device: a reload opens in Spanish again.
    await page.reload();
    await page.getByRole('heading', { name: 'Nuestros acuerdos' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
  });

  it('sends an ouch in Spanish; the facilitator receives it', { timeout: 120_000 }, async () => {
    const page = lucia.page;
    await page.getByRole('button', { name: 'Ay', exact: true }).click();
    const step = page.getByRole('form', { name: 'Tu «ay»' });
    await step.getByRole('radio', { name: 'Solo el equipo facilitador ve mi nombre' }).waitFor();
    await step.getByLabel('Unas palabras (opcional)').fill('Ese ejemplo me dolió.');
    await inSpanish(page, 'choosing who sees an ouch');
    await step.getByRole('button', { name: 'Enviar «ay»' }).click();
    await seeStatus(page, /Tu «ay» llegó al equipo facilitador a las/);
    await page.getByRole('region', { name: 'Tus señales' }).getByText('Enviada. El equipo facilitador puede verla.').waitFor();
    await queueCard(fran.page, 'Ouch from Lucía', 'Ese ejemplo me dolió.').waitFor({ timeout: 20_000 });
    await inSpanish(page, 'after sending an ouch');
  });

  it('goes to a breakout room and writes in its notes, in Spanish', { timeout: 120_000 }, async () => {
    await bo.page.goto(joinUrl);
    await fillJoinForm(bo.page, 'Bo');
    await affirm(bo.page);

    await planMixRound(fran.page, 'Parejas', 2, 30);
    await fran.page.getByRole('button', { name: 'Preview', exact: true }).click();
    await fran.page.getByText('1 room', { exact: true }).waitFor();
    await fran.page.getByRole('button', { name: 'Open rooms' }).click();

    const page = lucia.page;
    const card = page.locator('section.room-card');
    await card.getByText('Tu sala de grupo · Parejas').waitFor({ timeout: 20_000 });
    await card.getByRole('heading', { name: 'Aquí contigo' }).waitFor();
    await seeStatus(page, /Empezaron los grupos: Parejas\. Estás en .+ con Bo\./);
    expect(await card.getByRole('timer').first().getAttribute('aria-label')).toMatch(/^Quedan \d+ minutos?/);
    await inSpanish(page, 'a breakout room');

    await page.getByRole('link', { name: 'Notas y borradores del kit de herramientas' }).click();
    await page.getByRole('heading', { name: 'Notas y borradores del kit de herramientas', level: 1 }).waitFor();
    await inSpanish(page, 'the list of documents');
    const notes = await openDoc(page, 'Tu sala ahora', /\(Parejas\)$/);
    await page.getByRole('status', { name: 'Conexión del documento' }).filter({ hasText: 'Conectado: tus cambios se comparten' }).waitFor({ timeout: 20_000 });
    await typeAtEnd(page, notes, '¿Quién decide a dónde va el dinero?');
    await expect.poll(() => notes.innerText()).toContain('¿Quién decide a dónde va el dinero?');
    await page.getByRole('heading', { name: 'Versiones' }).waitFor();
    await inSpanish(page, 'the room’s notes');
    expect([...fran.problems, ...lucia.problems, ...bo.problems]).toEqual([]);
  });
});
