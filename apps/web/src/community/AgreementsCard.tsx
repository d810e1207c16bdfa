import { useId } from 'react';
import type { Agreement } from '@brave/protocol';

/** The community's agreements, as every convening of it opens with them. */
export function AgreementsCard({ agreements }: { agreements: readonly Agreement[] }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Our agreements</h2>
      <p className="hint">Every convening of this community opens with them.</p>
      <ol className="agreement-list">
        {agreements.map((a) => (
          <li key={a.id}>{a.text}</li>
        ))}
      </ol>
    </section>
  );
}
