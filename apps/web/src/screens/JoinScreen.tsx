import { useEffect, useId, useState } from 'react';
import { api } from '@brave/client';
import { LIMITS, type JoinInfo } from '@brave/protocol';
import { Field, FormProblem, useRequired } from '../account/Field.tsx';
import { describeError, fieldOf } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { loadSeat, saveSeat } from '../app/storage.ts';
import { JoinCodeForm } from '../components/JoinCodeForm.tsx';
import { Link } from '../components/Link.tsx';
import { Loading, Message } from '../components/Message.tsx';
import { PageHeading } from '../components/PageHeading.tsx';

type Lookup = { phase: 'loading' } | { phase: 'found'; info: JoinInfo } | { phase: 'failed'; message: string };

/** /j and /j/:code: find the convening by its code, then come in with a name. */
export function JoinScreen({ code, cohost }: { code: string | null; cohost: string | null }) {
  if (!code) {
    return (
      <Message title="Join a convening">
        <p>Type the code your facilitator shared. Letters can be upper or lower case.</p>
        <JoinCodeForm />
      </Message>
    );
  }
  return <JoinWithCode key={code} code={code} cohost={cohost} />;
}

function JoinWithCode({ code, cohost }: { code: string; cohost: string | null }) {
  const [lookup, setLookup] = useState<Lookup>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    api.joinInfo(window.location.origin, code).then(
      (info) => live && setLookup({ phase: 'found', info }),
      (err: unknown) => live && setLookup({ phase: 'failed', message: describeError(err) }),
    );
    return () => {
      live = false;
    };
  }, [code]);

  if (lookup.phase === 'loading') return <Loading label="Looking up that code…" />;
  if (lookup.phase === 'failed') {
    return (
      <Message title="We could not find that convening">
        <p>{lookup.message}</p>
        <JoinCodeForm initial={code} />
      </Message>
    );
  }
  const { info } = lookup;
  if (info.status === 'closed') {
    return (
      <Message title={info.title}>
        <p>This convening has ended. Thank you for coming by.</p>
      </Message>
    );
  }
  return <JoinForm code={code} cohost={cohost} info={info} />;
}

function JoinForm({ code, cohost, info }: { code: string; cohost: string | null; info: JoinInfo }) {
  const id = useId();
  const [name, setName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; field: string | undefined } | null>(null);
  const seat = loadSeat(info.conveningId);
  const hosting = cohost !== null;
  const nameRequired = useRequired(`${id}-name`, 'Write the name you would like the group to see.');

  const submit = async () => {
    if (!nameRequired.check(name)) return;
    setBusy(true);
    setProblem(null);
    try {
      const p = pronouns.trim();
      const joined = await api.join(window.location.origin, {
        joinCode: code,
        name: name.trim(),
        ...(p ? { pronouns: p } : {}),
        ...(cohost ? { cohostCode: cohost } : {}),
      });
      saveSeat(joined.conveningId, { token: joined.token, role: joined.role, name: name.trim() });
      navigate(joined.role === 'participant' ? `/c/${joined.conveningId}` : `/host/${joined.conveningId}`, { replace: true });
    } catch (err) {
      setProblem({ message: describeError(err), field: fieldOf(err) });
      setBusy(false);
    }
  };

  return (
    <main className="page page-narrow">
      <div className="card">
        <p className="eyebrow">{hosting ? 'Joining as a co-facilitator' : 'You are invited to'}</p>
        <PageHeading title={info.title}>{info.title}</PageHeading>
        {seat && (
          <p className="welcome-back">
            This device is already in this convening{seat.name ? ` as ${seat.name}` : ''}.{' '}
            <Link href={seat.role === 'participant' ? `/c/${info.conveningId}` : `/host/${info.conveningId}`}>Go back in</Link>
          </p>
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field
            id={`${id}-name`}
            label="Your name"
            hint="As you would like the group to see it."
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              nameRequired.changed(e.target.value);
            }}
            problem={nameRequired.problem ?? (problem?.field === 'name' ? problem.message : undefined)}
            aria-required
            maxLength={LIMITS.nameMax}
            autoComplete="name"
          />
          <div className="field">
            <label htmlFor={`${id}-pronouns`}>Pronouns (optional)</label>
            <input
              id={`${id}-pronouns`}
              value={pronouns}
              onChange={(e) => setPronouns(e.target.value)}
              maxLength={LIMITS.pronounsMax}
              placeholder="for example she/her, they/them"
              aria-invalid={problem?.field === 'pronouns' ? true : undefined}
            />
          </div>
          <FormProblem message={problem && problem.field !== 'name' ? problem.message : null} />
          <button type="submit" className="button primary wide" disabled={busy}>
            {hosting ? 'Join the facilitation team' : 'Join'}
          </button>
        </form>
        <p className="muted small-print">Next you will see the group’s agreements.</p>
      </div>
    </main>
  );
}
