import { useCallback, useState } from 'react';
import { describeError } from '../app/errors.ts';

/**
 * The state of an action that asks the server: `busy` while it runs (its buttons wait),
 * and the problem to show, in words, when it failed (or a form found something to fix).
 */
export function useSending() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const send = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, setProblem, send };
}
