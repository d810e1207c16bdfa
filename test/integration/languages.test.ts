import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from '@brave/client';
import { JoinResult } from '@brave/protocol';
import { startTestServer, tempDir } from '../support/server.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { apiError, newAddress, openConvening } from '../support/people.ts';
import { asMember, createCommunity, facilitator, joinCommunity, memberCode, schedule } from './community-helpers.ts';
import { to, unsubscribeLink } from './mail-helpers.ts';

/**
 * What the server writes for people comes in the reader's language (docs/languages.md):
 * refusals by Accept-Language (the typed code stays), mail in the recipient's language,
 * the unsubscribe page in the language its link names.
 */
const HOUR = 10_000;
let smtp: TestSmtp;
let server: Awaited<ReturnType<typeof startTestServer>>;
const dir = tempDir('brave-languages-');
beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_HOUR_MS: String(HOUR), MAIL_TICK_MS: '100', DATA_DIR: dir.path });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await smtp?.close();
  dir.remove();
});

const joinInfo = (code: string, language?: string) =>
  fetch(new URL(`/api/join/${code}`, server.url), { headers: { 'x-forwarded-for': newAddress(), ...(language ? { 'accept-language': language } : {}) } });

describe('refusals', () => {
  it('says an unknown join code in Spanish to a Spanish reader and in English otherwise, with the same code and field', async () => {
    const spanish = await joinInfo('ZZZZZZ', 'es-MX,es;q=0.9,en;q=0.5');
    const english = await joinInfo('ZZZZZZ', 'en-GB');
    const none = await joinInfo('ZZZZZZ');
    expect(spanish.status).toBe(404);
    const es = apiError(await spanish.json());
    const en = apiError(await english.json());
    expect(es).toMatchObject({ code: 'not_found', field: 'joinCode', messageKey: 'joinNotFound' });
    expect(es.message).toBe('No encontramos una convocatoria con ese código. Confirma el código con tu equipo facilitador e inténtalo de nuevo.');
    expect(en.message).toBe('We could not find a convening with that code. Check the code with your facilitator and try again.');
    expect(apiError(await none.json()).message).toBe(en.message);
  });

  it('names the field in Spanish when a body fails its schema', async () => {
    const res = await fetch(new URL('/api/join', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'es', 'x-forwarded-for': newAddress() },
      body: JSON.stringify({ joinCode: 'ABCDEF', name: '' }),
    });
    const error = apiError(await res.json());
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe(`Revisa «${error.field}»: no es válido.`);
  });

  it('answers a live command in the language the connection asked for', async () => {
    const { made, host } = await openConvening(server.url);
    const joined = await fetch(new URL('/api/join', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress() },
      body: JSON.stringify({ joinCode: made.joinCode, name: 'Lucía' }),
    });
    const { token } = JoinResult.parse(await joined.json());
    const lucia = new LiveClient({ url: server.url, token, language: 'es' });
    try {
      await lucia.connect();
      // She has not affirmed the agreements yet: the refusal keeps its code and speaks Spanish.
      const refused = await lucia.send({ type: 'signal.raise', kind: 'ouch', visibility: 'anonymous_to_room' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Acepta los acuerdos antes de enviar una señal, por favor.' } });
    } finally {
      lucia.close();
      host.close();
    }
  });
});

describe('mail', () => {
  it('sends an invitation in the language the facilitator chose, and its unsubscribe page speaks it', async () => {
    const fran = await facilitator(server.url);
    const c = await createCommunity(fran, { name: 'Red de vecinas' });
    expect((await fran.call('POST', `/api/communities/${c.id}/member-invite/email`, { email: 'lucia@example.org', language: 'es' })).status).toBe(202);
    expect((await fran.call('POST', `/api/communities/${c.id}/member-invite/email`, { email: 'x@example.org', language: 'fr' })).status).toBe(400);
    const [mail] = to(await smtp.waitFor((m) => to(m, 'lucia@example.org').length > 0, 'the Spanish invitation'), 'lucia@example.org');
    expect(mail!.subject).toBe('Te invitan a Red de vecinas');
    expect(mail!.body).toContain('No necesitas cuenta ni contraseña.');
    expect(mail!.body).toContain('Recibes esta invitación porque lo pediste.');

    const link = unsubscribeLink(mail!);
    expect(new URL(link).searchParams.get('lang')).toBe('es');
    const page = await (await fetch(link)).text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('¿Dejar de recibir estos correos?');
  });

  it('keeps a member’s language on their profile, for them only, and writes their reminders in it', async () => {
    const fran = await facilitator(server.url);
    const c = await createCommunity(fran, { name: 'Círculo de raíces' });
    const code = await memberCode(fran, c.id);
    const lucia = await joinCommunity(server.url, c.id, code, { name: 'Lucía', language: 'es' });
    const bo = await joinCommunity(server.url, c.id, code, { name: 'Bo' });
    const bad = await asMember(server.url, 'PATCH', `/api/communities/${c.id}/me`, bo.token, { language: 'xx' });
    expect(bad.status).toBe(400);
    expect((await asMember(server.url, 'PATCH', `/api/communities/${c.id}/me`, bo.token, { language: 'en' })).status).toBe(200);
    const mine = (await asMember(server.url, 'GET', `/api/communities/${c.id}/me`, lucia.token)).json as { member: { language: string | null } };
    expect(mine.member.language).toBe('es');
    const list = (await asMember(server.url, 'GET', `/api/communities/${c.id}`, bo.token)).json as { members: { name: string; language: string | null }[] };
    expect(list.members.find((m) => m.name === 'Lucía')?.language ?? null).toBeNull();

    await asMember(server.url, 'PUT', `/api/communities/${c.id}/me/mail`, lucia.token, { email: 'lucia.r@example.org', reminders: true, news: false });
    await asMember(server.url, 'PUT', `/api/communities/${c.id}/me/mail`, bo.token, { email: 'bo.r@example.org', reminders: true, news: false });
    await schedule(fran, c.id, { title: 'Encuentro de primavera', startsAt: Date.now() + 1.5 * HOUR, durationMinutes: 60, outline: ['Bienvenida'] });
    await smtp.waitFor((m) => to(m, 'lucia.r@example.org').length > 0 && to(m, 'bo.r@example.org').length > 0, 'both reminders');
    const [es] = to(smtp.mails, 'lucia.r@example.org');
    const [en] = to(smtp.mails, 'bo.r@example.org');
    expect(es!.subject).toBe('Mañana: Encuentro de primavera');
    expect(es!.body).toContain('una convocatoria de Círculo de raíces, empieza mañana');
    expect(es!.body).toContain('BEGIN:VCALENDAR');
    expect(en!.subject).toBe('Tomorrow: Encuentro de primavera');
  });
});

describe('a community’s own words in two languages', () => {
  it('carries an agreement’s Spanish version to every reader, and refuses one over the limit', async () => {
    const es = 'Hablamos desde nuestra propia experiencia.';
    const { made, host } = await openConvening(server.url, { agreements: [{ text: 'Speak from your own experience.', translations: { es } }, { text: 'Take space, make space.' }] });
    try {
      const joined = await fetch(new URL('/api/join', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress() },
        body: JSON.stringify({ joinCode: made.joinCode, name: 'Lucía' }),
      });
      const lucia = new LiveClient({ url: server.url, token: JoinResult.parse(await joined.json()).token });
      await lucia.connect();
      expect(lucia.state!.agreements.map((a) => a.translations?.es ?? null)).toEqual([es, null]);
      lucia.close();

      const tooLong = await host.send({ type: 'agreements.set', agreements: [{ text: 'Listen.', translations: { es: 'x'.repeat(5000) } }] });
      expect(tooLong).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      const cleared = await host.send({ type: 'agreements.set', agreements: [{ text: 'Listen.', translations: { es: '   ' } }] });
      expect(cleared.ok).toBe(false);
      const kept = await host.send({ type: 'agreements.set', agreements: [{ text: 'Listen.', translations: { es: 'Escuchamos.' } }] });
      expect(kept.ok).toBe(true);
      expect(host.state!.agreements).toEqual([expect.objectContaining({ text: 'Listen.', translations: { es: 'Escuchamos.' } })]);
    } finally {
      host.close();
    }
  });

  it('keeps a channel’s Spanish name with the community, within the name’s limit', async () => {
    const fran = await facilitator(server.url);
    const c = await createCommunity(fran, { name: 'Red', channels: [{ id: 'money', name: 'Money', translations: { es: 'Dinero' } }, { id: 'policy', name: 'Policy' }] });
    expect(c.channels).toEqual([{ id: 'money', name: 'Money', translations: { es: 'Dinero' } }, { id: 'policy', name: 'Policy' }]);
    const bad = await fran.call('POST', '/api/communities', { name: 'Otra', channels: [{ id: 'money', name: 'Money', translations: { es: 'x'.repeat(41) } }] });
    expect(bad.status).toBe(400);
  });
});
