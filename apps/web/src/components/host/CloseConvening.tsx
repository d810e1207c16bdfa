import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';

/** Ending the convening is final, so it asks first. Only the lead facilitator may. */
export function CloseConvening() {
  const { state, self } = useConvening();
  const { send, pending, error } = useCommand();
  if (state.status === 'closed' || self.role !== 'facilitator') return null;
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" className="button quiet">
          Close the convening
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title>Close this convening?</AlertDialog.Title>
          <AlertDialog.Description className="muted">
            Everyone’s screen will say it has ended, and nobody can send signals any more. This cannot be undone.
          </AlertDialog.Description>
          {error && (
            <p className="gentle-note" role="alert">
              {error.message}
            </p>
          )}
          <div className="actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button quiet">
                Keep it open
              </button>
            </AlertDialog.Cancel>
            <button type="button" className="button primary" disabled={pending} onClick={() => void send({ type: 'convening.close' })}>
              Close the convening
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
