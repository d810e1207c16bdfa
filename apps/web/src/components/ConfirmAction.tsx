import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useState, type ReactNode } from 'react';
import { describeError } from '../app/errors.ts';

interface Props {
  /** Text of the button that opens the question. */
  action: string;
  /** Accessible name of that button when the text alone is ambiguous ("Remove" → "Remove Ana"). */
  actionLabel?: string;
  /** Text of the confirming button (defaults to `action`). */
  confirm?: string;
  triggerClass?: string;
  question: string;
  explanation: string;
  keepLabel: string;
  /** Extra choices or a typed confirmation, shown between the explanation and the buttons. */
  children?: ReactNode;
  /** False keeps the confirming button disabled (e.g. until the name is typed). */
  ready?: boolean;
  /** Throw to keep the dialog open and show why (an ApiRequestError says it best). */
  onConfirm: () => Promise<void>;
}

/**
 * An action that cannot be taken back: ask first in a real alert dialog, run it, and
 * say what went wrong inside the dialog if it failed (it stays open to try again).
 * `onConfirm` throws to report a failure; ConfirmCommand is this for live commands.
 */
export function ConfirmAction({ action, actionLabel, confirm, triggerClass = 'button quiet small', question, explanation, keepLabel, children, ready = true, onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    setPending(true);
    setProblem(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setProblem(null);
      }}
    >
      <AlertDialog.Trigger asChild>
        <button type="button" className={triggerClass} aria-label={actionLabel}>
          {action}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title>{question}</AlertDialog.Title>
          <AlertDialog.Description className="muted">{explanation}</AlertDialog.Description>
          {children}
          <div role="alert">
            {problem && <p className="gentle-note">{problem}</p>}
          </div>
          <div className="actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button quiet">
                {keepLabel}
              </button>
            </AlertDialog.Cancel>
            <button type="button" className="button primary" disabled={pending || !ready} onClick={() => void run()}>
              {confirm ?? action}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
