import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accounts } from '@brave/client';
import type { AccountView } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { wipeLocal } from '../notes/localIndex.ts';
import { AccountPending } from './AccountPending.tsx';
import { AuthForm } from './AuthForm.tsx';
import { FormProblem } from './Field.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { origin, safeNext, useAccount } from './useAccount.ts';
import '../styles/account.css';

/** `/account`: sign in or sign up when signed out; the account's settings when signed in. */
export function AccountScreen({ next }: { next: string | null }) {
  const { state, signedIn } = useAccount();
  const { t } = useTranslation('account');
  if (state.phase !== 'ready') return <AccountPending state={state} title={t('screen.title')} />;
  if (!state.account) {
    return (
      <main className="page page-narrow account">
        <p className="eyebrow">{t('brand')}</p>
        <PageHeading title={t('screen.facilitator')}>{t('screen.facilitator')}</PageHeading>
        <p className="muted">{t('screen.intro')}</p>
        <AuthForm
          onDone={(account) => {
            signedIn(account);
            navigate(safeNext(next) ?? '/communities');
          }}
        />
      </main>
    );
  }
  return <Settings account={state.account} onSignedOut={() => signedIn(null)} />;
}

function Settings({ account, onSignedOut }: { account: AccountView; onSignedOut: () => void }) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('account');

  const leave = async (everywhere: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      await (everywhere ? accounts.signOutEverywhere(origin()) : accounts.signOut(origin()));
      // Nothing of this account's documents, nor anyone's caucus notes, stays on this device.
      await wipeLocal((copy) => copy.private || copy.person === account.id);
      onSignedOut();
    } catch (err) {
      setProblem(describeError(err));
      setBusy(false);
    }
  };

  return (
    <main className="page page-narrow account">
      <p className="eyebrow">{t('brand')}</p>
      <PageHeading title={t('screen.title')}>{t('screen.title')}</PageHeading>
      <section className="card" aria-labelledby={`${id}-who`}>
        <h2 id={`${id}-who`}>{t('screen.signedIn')}</h2>
        <dl className="account-facts">
          <dt>{t('screen.name')}</dt>
          <dd>{account.name}</dd>
          <dt>{t('screen.email')}</dt>
          <dd>{account.email}</dd>
          {account.isAdmin && (
            <>
              <dt>{t('screen.role')}</dt>
              <dd>{t('screen.admin')}</dd>
            </>
          )}
        </dl>
        <ul className="plain-list account-links">
          <li>
            <Link href="/communities">{t('screen.communities')}</Link>
          </li>
          {account.isAdmin && (
            <li>
              <Link href="/admin">{t('screen.adminLink')}</Link>
            </li>
          )}
        </ul>
      </section>
      <PasswordForm />
      <section className="card" aria-labelledby={`${id}-out`}>
        <h2 id={`${id}-out`}>{t('screen.signOut')}</h2>
        <p className="hint">{t('screen.signOutHint')}</p>
        <FormProblem message={problem} />
        <div className="actions">
          <button type="button" className="button quiet" disabled={busy} onClick={() => void leave(true)}>
            {t('screen.everywhere')}
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => void leave(false)}>
            {t('screen.signOut')}
          </button>
        </div>
      </section>
    </main>
  );
}
