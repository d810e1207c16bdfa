import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Who is in a document, from Yjs awareness. Every peer writes its own awareness state,
 * so what arrives is validated like any other input before it reaches the screen.
 */
export const PresenceUser = z.object({
  id: z.string().max(64),
  name: z.string().trim().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type PresenceUser = z.infer<typeof PresenceUser>;

/** The same colour for the same person on every screen (the server derives it the same way). */
export { presenceColour as colourFor } from '@brave/core';

export function readUser(state: unknown): PresenceUser | null {
  const parsed = PresenceUser.safeParse((state as { user?: unknown } | null)?.user);
  return parsed.success ? parsed.data : null;
}

export interface Present extends PresenceUser {
  isSelf: boolean;
  /** How many windows this person has the document open in. */
  windows: number;
}

/** The caret other people see for a peer: a coloured bar with the name above it. */
export function caretElement(raw: Record<string, unknown>): HTMLElement {
  const user = PresenceUser.safeParse(raw);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  // Screen readers would read names in the middle of the text; "who is here" lists them instead.
  caret.setAttribute('aria-hidden', 'true');
  if (!user.success) return caret;
  caret.style.borderColor = user.data.color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = user.data.color;
  label.textContent = user.data.name;
  caret.append(label);
  return caret;
}

/** Selections of others, tinted with their colour. */
export function selectionAttrs(raw: Record<string, unknown>): { class: string; style?: string } {
  const user = PresenceUser.safeParse(raw);
  return user.success ? { class: 'collaboration-carets__selection', style: `background-color: ${user.data.color}33` } : { class: 'collaboration-carets__selection' };
}

function present(awareness: Awareness): Present[] {
  const byId = new Map<string, Present>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = readUser(state);
    if (!user) continue;
    const isSelf = clientId === awareness.clientID;
    const seen = byId.get(user.id);
    if (seen) {
      seen.windows += 1;
      seen.isSelf ||= isSelf;
    } else byId.set(user.id, { ...user, isSelf, windows: 1 });
  }
  return [...byId.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

const cache = new WeakMap<Awareness, { key: string; list: Present[] }>();

/** The people in the document, you first; stable identity while nobody comes or goes. */
export function usePresence(awareness: Awareness): Present[] {
  return useSyncExternalStore(
    (listener) => {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    () => {
      const list = present(awareness);
      const key = list.map((p) => `${p.id}:${p.name}:${p.color}:${p.windows}:${p.isSelf}`).join('|');
      const prev = cache.get(awareness);
      if (prev?.key === key) return prev.list;
      cache.set(awareness, { key, list });
      return list;
    },
  );
}
