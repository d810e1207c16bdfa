import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailChoices } from '@brave/protocol';
import { describeError, fieldOf } from '../app/errors.ts';
import { Field } from '../account/Field.tsx';
import { communityApi, type Caller } from './api.ts';
import { FormFrame } from './FormFrame.tsx';

/**
 * On "My data": the member's email address (optional) and what they receive. Emails never
 * name a caucus or anyone in the community; every one but a password reset can be stopped
 * with one click.
 */
export function MailCard({ caller, communityId }: { caller: Caller; communityId: string }) {
  const id = useId();
  const { t } = useTranslation('community');
  const [choices, setChoices] = useState<MailChoices | null>(null);
  const [email, setEmail] = useState('');
  const [reminders, setReminders] = useState(true);
  const [news, setNews] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; field: string | undefined } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    communityApi
      .mail(caller, communityId)
      .then((c) => {
        if (!live) return;
        setChoices(c);
        setEmail(c.email ?? '');
        if (c.email) {
          setReminders(c.reminders);
          setNews(c.news);
        }
      })
      .catch((err: unknown) => live && setProblem({ message: describeError(err), field: undefined }));
    return () => void (live = false);
  }, [caller, communityId]);

  const save = async () => {
    setBusy(true);
    setProblem(null);
    setSaved(null);
    try {
      const address = email.trim() || null;
      const next = await communityApi.setMail(caller, communityId, { email: address, reminders, news });
      setChoices(next);
      setSaved(address ? t('mail.saved') : t('mail.forgotten'));
    } catch (err) {
      setProblem({ message: describeError(err), field: fieldOf(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-mail`}>
      <h2 id={`${id}-mail`}>{t('mail.title')}</h2>
      <p className="muted">{choices && !choices.sending ? t('mail.notSending') : t('mail.intro')}</p>
      <FormFrame onSubmit={save} problem={problem?.message ?? null} busy={busy} submitLabel={t('mail.save')}>
        <Field
          id={`${id}-email`}
          label={t('mail.emailLabel')}
          hint={t('mail.emailHint')}
          type="email"
          autoComplete="email"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          problem={problem?.field === 'email' ? t('mail.badEmail') : undefined}
        />
        <fieldset className="fieldset">
          <legend>{t('mail.receive')}</legend>
          <label className="check">
            <input type="checkbox" checked={reminders} onChange={(e) => setReminders(e.target.checked)} />
            {t('mail.reminders')}
          </label>
          <label className="check">
            <input type="checkbox" checked={news} onChange={(e) => setNews(e.target.checked)} />
            {t('mail.news')}
          </label>
        </fieldset>
      </FormFrame>
      <div role="status" aria-live="polite">
        {saved && <p className="sent-note">{saved}</p>}
      </div>
    </section>
  );
}
