/**
 * Presence in a document (carets, "Here now"): the `user` part of a Yjs awareness state.
 * The server writes it from the credential, so names cannot be borrowed; the colour
 * follows from the person's id, so everyone sees the same colour for the same person.
 */
export interface PresenceIdentity {
  id: string;
  name: string;
  color: string;
}

/** Calm, distinct colours dark enough for white caret labels (4.5:1 or better). */
const PALETTE = ['#2d6a65', '#74466a', '#3d5a99', '#6a5314', '#4d6a28', '#8a4636', '#55508f', '#2b6680'];

export function presenceColour(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

export const presenceOf = (id: string, name: string): PresenceIdentity => ({ id, name, color: presenceColour(id) });
