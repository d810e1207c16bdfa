import { z } from 'zod';
import { Id, Role } from '@brave/protocol';

/**
 * What this device remembers about each convening it is part of: the credential and
 * who it belongs to. Keyed by convening id so a reload of /c/:id or /host/:id finds it.
 * localStorage is a boundary like any other: everything read back is validated.
 */
export const Seat = z.object({
  token: z.string().min(1).max(2048),
  role: Role,
  name: z.string().max(200).optional(),
  /** Only the creator knows it: lets the console show the co-facilitator invite. */
  cohostCode: z.string().max(64).optional(),
});
export type Seat = z.infer<typeof Seat>;

/** Every key this app keeps in localStorage: `brave-space:<kind>:<id>`. */
export const storageKey = (kind: string, id: string) => `brave-space:${kind}:${id}`;
const seatKey = (conveningId: string) => storageKey('seat', conveningId);
const dismissedKey = (conveningId: string) => storageKey('dismissed', conveningId);

/** The parsed value kept under `key`, unvalidated: callers check it with zod. */
export function readStored(key: string): unknown {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null; // storage disabled or corrupt: behave as a fresh device
  }
}

/** False when the browser would not keep it (private mode, a full quota). */
export function writeStored(key: string, value: unknown): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeStored(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

export function loadSeat(conveningId: string): Seat | null {
  if (!Id.safeParse(conveningId).success) return null;
  const parsed = Seat.safeParse(readStored(seatKey(conveningId)));
  return parsed.success ? parsed.data : null;
}

/** A failure to keep it is fine: the page still works, a reload just asks again. */
export function saveSeat(conveningId: string, seat: Seat): void {
  if (Id.safeParse(conveningId).success) writeStored(seatKey(conveningId), seat);
}

/** The spotlight this person put away (by its sequence number), so a reload keeps it away. */
export function loadDismissedSpotlight(conveningId: string): number {
  const parsed = z.number().int().nonnegative().safeParse(readStored(dismissedKey(conveningId)));
  return parsed.success ? parsed.data : 0;
}

export function saveDismissedSpotlight(conveningId: string, seq: number): void {
  writeStored(dismissedKey(conveningId), seq);
}

/**
 * A facilitator link carries its credential in the fragment (#token=…), which never
 * reaches the server. Take it, remember it, and strip it from the address bar.
 */
export function takeTokenFromFragment(conveningId: string): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return;
  const token = decodeURIComponent(match[1]);
  const existing = loadSeat(conveningId);
  saveSeat(conveningId, { ...existing, token, role: 'facilitator' });
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
