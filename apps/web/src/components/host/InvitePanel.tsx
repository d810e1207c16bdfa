import { useId } from 'react';
import { useConvening } from '../../live/context.ts';
import { CopyField } from './CopyField.tsx';
import { QrCode } from './QrCode.tsx';

/**
 * Everything needed to bring people in: a code to read aloud, a link, a QR code. It is
 * the first card of the console, across its width, so it is on the first screen.
 */
export function InvitePanel({ cohostCode }: { cohostCode: string | undefined }) {
  const { state } = useConvening();
  const id = useId();
  const origin = window.location.origin;
  const joinUrl = `${origin}/j/${state.joinCode}`;
  const spelled = state.joinCode.split('').join(' ');

  return (
    <section className="card invite" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Invite people</h2>
      <div className="invite-grid">
        <div className="invite-code">
          <p className="field-label" id={`${id}-code`}>
            Join code
          </p>
          <p className="join-code">
            {state.joinCode}
          </p>
          <p className="visually-hidden" id={`${id}-spelled`}>
            {spelled}
          </p>
          <p className="hint">
            People can type it at <span className="nowrap">{origin}/j</span>
          </p>
        </div>
        <div className="invite-links">
          <CopyField label="Join link" value={joinUrl} />
          {cohostCode ? (
            <CopyField
              label="Co-facilitator link"
              value={`${joinUrl}?cohost=${encodeURIComponent(cohostCode)}`}
              hint="Whoever opens this helps run the convening and sees the signal queue. Share it privately."
            />
          ) : (
            <p className="hint">The person who opened this convening can invite more co-facilitators.</p>
          )}
        </div>
        <figure className="qr-figure">
          <QrCode value={joinUrl} label="QR code of the join link" />
          <figcaption className="hint">Point a phone camera here to join.</figcaption>
        </figure>
      </div>
    </section>
  );
}
