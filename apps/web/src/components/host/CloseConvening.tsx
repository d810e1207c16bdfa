import { useTranslation } from 'react-i18next';
import { useConvening } from '../../live/context.ts';
import { ConfirmCommand } from '../ConfirmCommand.tsx';

/** Ending the convening is final, so it asks first. Only the lead facilitator may. */
export function CloseConvening() {
  const { state, self } = useConvening();
  const { t } = useTranslation('host');
  if (state.status === 'closed' || self.role !== 'facilitator') return null;
  return (
    <ConfirmCommand
      action={t('close.action')}
      triggerClass="button quiet"
      question={t('close.question')}
      explanation={t('close.explanation')}
      keepLabel={t('close.keep')}
      command={{ type: 'convening.close' }}
    />
  );
}
