import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { Command } from '@brave/protocol';
import { useCommand } from '../live/useCommand.ts';

interface Props {
  /** Label of the button that opens the question, and of the one that confirms it. */
  action: string;
  triggerClass?: string;
  question: string;
  explanation: string;
  keepLabel: string;
  command: Command;
}

/** A command that cannot be taken back: ask first, in a real alert dialog. */
export function ConfirmCommand({ action, triggerClass = 'button', question, explanation, keepLabel, command }: Props) {
  const { send, pending, error } = useCommand();
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" className={triggerClass}>
          {action}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title>{question}</AlertDialog.Title>
          <AlertDialog.Description className="muted">{explanation}</AlertDialog.Description>
          {error && (
            <p className="gentle-note" role="alert">
              {error.message}
            </p>
          )}
          <div className="actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button quiet">
                {keepLabel}
              </button>
            </AlertDialog.Cancel>
            <button type="button" className="button primary" disabled={pending} onClick={() => void send(command)}>
              {action}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
