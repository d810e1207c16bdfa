import { useConvening } from '../../live/context.ts';
import { ConfirmCommand } from '../ConfirmCommand.tsx';

/** Ending the convening is final, so it asks first. Only the lead facilitator may. */
export function CloseConvening() {
  const { state, self } = useConvening();
  if (state.status === 'closed' || self.role !== 'facilitator') return null;
  return (
    <ConfirmCommand
      action="Close the convening"
      triggerClass="button quiet"
      question="Close this convening?"
      explanation="Everyone’s screen will say it has ended, and nobody can send signals any more. This cannot be undone."
      keepLabel="Keep it open"
      command={{ type: 'convening.close' }}
    />
  );
}
