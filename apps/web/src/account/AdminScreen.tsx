import { useEffect, useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatDate } from '@brave/i18n';
import { accounts } from '@brave/client';
import type { AccountView, ResetLinkResult } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import { currentLanguage } from '../app/i18n.ts';
import { Link } from '../components/Link.tsx';
import { Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { AccountPending } from './AccountPending.tsx';
import { FormProblem } from './Field.tsx';
import { origin, useAccount } from './useAccount.ts';
import '../styles/account.css';

/** `/admin`: the instance admin sees every account and makes reset links (there is no email). */
export function AdminScreen() {
  const { state } = useAccount();
  const { t } = useTranslation('account');
  if (state.phase !== 'ready') return <AccountPending state={state} title={t('admin.title')} />;
  if (!state.account) {
    return (
      <Message title={t('admin.title')}>
        <p>{t('admin.signInFirst')}</p>
        <p>
          <Link href="/account?next=%2Fadmin">{t('admin.signIn')}</Link>
        </p>
      </Message>
    );
  }
  if (!state.account.isAdmin) {
    return (
      <Message title={t('admin.title')}>
        <p>{t('admin.notAdmin')}</p>
        <p>
          <Link href="/account">{t('admin.back')}</Link>
        </p>
      </Message>
    );
  }
  return <AccountsList />;
}

function AccountsList() {
  const id = useId();
  const [list, setList] = useState<AccountView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [link, setLink] = useState<{ for: AccountView; made: ResetLinkResult } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { t } = useTranslation('account');

  useEffect(() => {
    accounts.listAccounts(origin()).then(setList, (err: unknown) => setProblem(describeError(err)));
  }, []);

  const makeLink = async (account: AccountView) => {
    setBusy(account.id);
    setProblem(null);
    try {
      setLink({ for: account, made: await accounts.makeResetLink(origin(), account.id) });
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <main className="page account admin">
      <p className="eyebrow">{t('brand')}</p>
      <PageHeading title={t('admin.title')}>{t('admin.title')}</PageHeading>
      <p className="muted">{t('admin.intro')}</p>
      <FormProblem message={problem} />
      {link && <ResetLink key={link.made.url} name={link.for.name} email={link.for.email} made={link.made} />}
      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{list ? t('admin.listCount', { count: list.length }) : t('admin.list')}</h2>
        {!list ? (
          !problem && (
            <p className="loading" role="status">
              {t('admin.loading')}
            </p>
          )
        ) : (
          <ul className="plain-list account-rows">
            {list.map((a) => (
              <li key={a.id} className="account-row">
                <div>
                  <strong>{a.name}</strong> {a.isAdmin && <span className="tag">{t('admin.tag')}</span>}
                  <div className="muted">{a.email}</div>
                  <div className="hint">{t('admin.since', { day: formatDate(currentLanguage(), a.createdAt, 'date') })}</div>
                </div>
                <button type="button" className="button small" disabled={busy !== null} onClick={() => void makeLink(a)} aria-label={t('admin.makeLabel', { name: a.name, email: a.email })}>
                  {t('admin.make')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

function ResetLink({ name, email, made }: { name: string; email: string; made: ResetLinkResult }) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const { t } = useTranslation('account');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.url);
      setCopied(t('admin.copied'));
    } catch {
      setCopied(t('admin.copyFailed'));
    }
  };
  return (
    <section className="card reset-link" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Trans t={t} i18nKey="admin.resetFor" values={{ name, email }} components={{ muted: <span className="muted" /> }} />
      </h2>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('admin.link')}</label>
        <div className="inline-field">
          <input id={`${id}-url`} value={made.url} readOnly onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          <button type="button" className="button primary" onClick={() => void copy()}>
            {t('admin.copy')}
          </button>
        </div>
        <p className="hint">
          {t('admin.works', { until: formatDate(currentLanguage(), made.expiresAt, 'dateTime'), name })}
        </p>
        <p role="status" className="hint">
          {copied}
        </p>
      </div>
    </section>
  );
}
