import { ApiRequestError } from '@brave/client';
import { HTTP_STATUS, type Command } from '@brave/protocol';
import { useConvening } from '../live/context.ts';
import { ConfirmAction } from './ConfirmAction.tsx';

interface Props {
  /** Label of the button that opens the question, and of the one that confirms it. */
  action: string;
  triggerClass?: string;
  question: string;
  explanation: string;
  keepLabel: string;
  command: Command;
}

/** A command that cannot be taken back: ConfirmAction, sending the command on yes. */
export function ConfirmCommand({ command, triggerClass = 'button', ...words }: Props) {
  const { client } = useConvening();
  const send = async () => {
    const result = await client.send(command);
    // A refusal is shown in the dialog like any failed action.
    if (!result.ok) throw new ApiRequestError(HTTP_STATUS[result.error.code], result.error);
  };
  return <ConfirmAction {...words} triggerClass={triggerClass} onConfirm={send} />;
}
