import { useEffect, useRef } from 'react';
import type { SignalKind } from '@brave/protocol';

const KEYS: Record<string, SignalKind> = { KeyO: 'ouch', KeyW: 'whoops' };

/**
 * Alt+O sends ouch and Alt+W whoops from anywhere on the screen. `code` (the physical
 * key) rather than `key`, because Alt changes the typed character on some keyboards.
 * Ignored while a dialog is open, so the shortcut never acts behind it.
 */
export function useSignalShortcuts(onSignal: (kind: SignalKind) => void, enabled: boolean): void {
  const latest = useRef(onSignal);
  useEffect(() => {
    latest.current = onSignal;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      const kind = KEYS[e.code];
      if (!kind) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      e.preventDefault();
      latest.current(kind);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
