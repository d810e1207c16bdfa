import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useCommand } from '../../live/useCommand.ts';

/** Ending a round early brings everyone back at once, so it asks first. */
export function CloseRooms() {
  const { send, pending, error } = useCommand();
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" className="button">
          Close all rooms
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title>Close all rooms now?</AlertDialog.Title>
          <AlertDialog.Description className="muted">
            Everyone comes back to the main room straight away, without the wrap-up time.
          </AlertDialog.Description>
          {error && (
            <p className="gentle-note" role="alert">
              {error.message}
            </p>
          )}
          <div className="actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button quiet">
                Keep the rooms open
              </button>
            </AlertDialog.Cancel>
            <button type="button" className="button primary" disabled={pending} onClick={() => void send({ type: 'round.close' })}>
              Close all rooms
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
