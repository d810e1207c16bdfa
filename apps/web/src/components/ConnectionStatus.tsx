import { useTranslation } from 'react-i18next';
import { useConvening } from '../live/context.ts';
import { Link } from './Link.tsx';

/** A quiet pill that says whether we are live; a polite status so changes are announced. */
export function ConnectionStatus() {
  const { status, problem, state } = useConvening();
  const { t } = useTranslation('live');
  return (
    <p className={`connection connection-${status}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {status === 'refused' && problem ? problem.message : t(`connection.${status}`)}
      {status === 'refused' && <Link href={`/j/${state.joinCode}`}>{t('connection.joinAgain')}</Link>}
    </p>
  );
}
