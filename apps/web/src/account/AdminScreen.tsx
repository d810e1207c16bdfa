import { useEffect, useId, useState } from 'react';
import { accounts } from '@brave/client';
import type { AccountView, ResetLinkResult } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import { Link } from '../components/Link.tsx';
import { Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { AccountPending } from './AccountPending.tsx';
import { FormProblem } from './Field.tsx';
import { origin, useAccount } from './useAccount.ts';
import '../styles/account.css';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const moment = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `/admin`: the instance admin sees every account and makes reset links (there is no email). */
export function AdminScreen() {
  const { state } = useAccount();
  if (state.phase !== 'ready') return <AccountPending state={state} title="Accounts" />;
  if (!state.account) {
    return (
      <Message title="Accounts">
        <p>Please sign in first.</p>
        <p>
          <Link href="/account?next=%2Fadmin">Sign in</Link>
        </p>
      </Message>
    );
  }
  if (!state.account.isAdmin) {
    return (
      <Message title="Accounts">
        <p>This page is for the admin of this Brave Space. If you need a new password, ask them for a reset link.</p>
        <p>
          <Link href="/account">Back to your account</Link>
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
      <p className="eyebrow">Brave Space</p>
      <PageHeading title="Accounts">Accounts</PageHeading>
      <p className="muted">
        Brave Space sends no email. When someone forgets their password, make them a reset link here and hand it over yourself, in person or through a
        channel you trust.
      </p>
      <FormProblem message={problem} />
      {link && <ResetLink key={link.made.url} name={link.for.name} email={link.for.email} made={link.made} />}
      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>Facilitator accounts{list ? ` (${list.length})` : ''}</h2>
        {!list ? (
          !problem && (
            <p className="loading" role="status">
              Loading the accounts…
            </p>
          )
        ) : (
          <ul className="plain-list account-rows">
            {list.map((a) => (
              <li key={a.id} className="account-row">
                <div>
                  <strong>{a.name}</strong> {a.isAdmin && <span className="tag">admin</span>}
                  <div className="muted">{a.email}</div>
                  <div className="hint">Since {day.format(a.createdAt)}</div>
                </div>
                <button type="button" className="button small" disabled={busy !== null} onClick={() => void makeLink(a)} aria-label={`Make a reset link for ${a.name} (${a.email})`}>
                  Make a reset link
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
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.url);
      setCopied('Copied.');
    } catch {
      setCopied('Copying did not work here; select the link and copy it by hand.');
    }
  };
  return (
    <section className="card reset-link" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Reset link for {name} <span className="muted">({email})</span>
      </h2>
      <div className="field">
        <label htmlFor={`${id}-url`}>Link</label>
        <div className="inline-field">
          <input id={`${id}-url`} value={made.url} readOnly onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          <button type="button" className="button primary" onClick={() => void copy()}>
            Copy
          </button>
        </div>
        <p className="hint">
          It works once, until {moment.format(made.expiresAt)}. Making a new link cancels this one. Using it signs {name} out on every device.
        </p>
        <p role="status" className="hint">
          {copied}
        </p>
      </div>
    </section>
  );
}
