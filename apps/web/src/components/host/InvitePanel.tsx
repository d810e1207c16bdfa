import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('host');

  return (
    <section className="card invite" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('invite.heading')}</h2>
      <div className="invite-grid">
        <div className="invite-code">
          <p className="field-label" id={`${id}-code`}>
            {t('invite.code')}
          </p>
          <p className="join-code">
            {state.joinCode}
          </p>
          <p className="visually-hidden" id={`${id}-spelled`}>
            {spelled}
          </p>
          <p className="hint">
            <Trans t={t} i18nKey="invite.typeAt" values={{ address: `${origin}/j` }} components={{ nowrap: <span className="nowrap" /> }} />
          </p>
        </div>
        <div className="invite-links">
          <CopyField label={t('invite.link')} value={joinUrl} />
          {cohostCode ? (
            <CopyField
              label={t('invite.cohostLink')}
              value={`${joinUrl}?cohost=${encodeURIComponent(cohostCode)}`}
              hint={t('invite.cohostHint')}
            />
          ) : (
            <p className="hint">{t('invite.onlyCreator')}</p>
          )}
        </div>
        <figure className="qr-figure">
          <QrCode value={joinUrl} label={t('invite.qr')} />
          <figcaption className="hint">{t('invite.qrCaption')}</figcaption>
        </figure>
      </div>
    </section>
  );
}
