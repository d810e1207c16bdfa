import { Id } from '@brave/protocol';

/**
 * Whether this device has already shown the "About you" step for a convening, so saying
 * "not now" is respected after a reload. Anything unreadable counts as not seen.
 */
const key = (conveningId: string) => `brave-space:about-seen:${conveningId}`;

export function loadAboutSeen(conveningId: string): boolean {
  try {
    return window.localStorage.getItem(key(conveningId)) === '1';
  } catch {
    return false;
  }
}

export function saveAboutSeen(conveningId: string): void {
  if (!Id.safeParse(conveningId).success) return;
  try {
    window.localStorage.setItem(key(conveningId), '1');
  } catch {
    // Private mode or a full quota: the step may simply show again after a reload.
  }
}
