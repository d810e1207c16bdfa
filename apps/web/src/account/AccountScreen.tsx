import { useId, useState } from 'react';
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
  if (state.phase !== 'ready') return <AccountPending state={state} title="Your account" />;
  if (!state.account) {
    return (
      <main className="page page-narrow account">
        <p className="eyebrow">Brave Space</p>
        <PageHeading title="Facilitator account">Facilitator account</PageHeading>
        <p className="muted">Facilitators sign in to keep their communities, convenings and toolkit drafts from month to month. Participants never need an account.</p>
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
      <p className="eyebrow">Brave Space</p>
      <PageHeading title="Your account">Your account</PageHeading>
      <section className="card" aria-labelledby={`${id}-who`}>
        <h2 id={`${id}-who`}>Signed in</h2>
        <dl className="account-facts">
          <dt>Name</dt>
          <dd>{account.name}</dd>
          <dt>Email</dt>
          <dd>{account.email}</dd>
          {account.isAdmin && (
            <>
              <dt>Role</dt>
              <dd>Admin of this Brave Space</dd>
            </>
          )}
        </dl>
        <ul className="plain-list account-links">
          <li>
            <Link href="/communities">Your communities</Link>
          </li>
          {account.isAdmin && (
            <li>
              <Link href="/admin">Accounts and reset links</Link>
            </li>
          )}
        </ul>
      </section>
      <PasswordForm />
      <section className="card" aria-labelledby={`${id}-out`}>
        <h2 id={`${id}-out`}>Sign out</h2>
        <p className="hint">Signed in on a shared or lost device? Signing out everywhere ends every session of this account, this one included.</p>
        <FormProblem message={problem} />
        <div className="actions">
          <button type="button" className="button quiet" disabled={busy} onClick={() => void leave(true)}>
            Sign out everywhere
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => void leave(false)}>
            Sign out
          </button>
        </div>
      </section>
    </main>
  );
}
