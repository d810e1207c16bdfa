import { useCallback, useState } from 'react';
import type { AckResult, ApiError, Command } from '@brave/protocol';
import { sayError } from '../app/errors.ts';
import { useConvening } from './context.ts';

/**
 * Send commands from a component and keep what the person needs to see: whether one
 * is on its way and the server's refusal (always shown, never swallowed).
 */
export function useCommand() {
  const { client } = useConvening();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const send = useCallback(
    async (command: Command): Promise<AckResult> => {
      setPending(true);
      setError(null);
      const result = await client.send(command);
      setPending(false);
      // Said in the reader's language; the typed code and field stay as the server sent them.
      if (!result.ok) setError({ ...result.error, message: sayError(result.error) });
      return result;
    },
    [client],
  );

  return { send, pending, error, clearError: () => setError(null) };
}
