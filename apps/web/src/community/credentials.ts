import { z } from 'zod';
import { Id } from '@brave/protocol';
import { readStored, removeStored, storageKey, writeStored } from '../app/storage.ts';

/**
 * The member credential this browser keeps for each community it joined (members have
 * no account: this is their key). localStorage is a boundary: what is read back is
 * validated, and a broken entry reads as "not a member here yet".
 */
export const MemberSeat = z.object({
  token: z.string().min(1).max(2048),
  memberId: Id.optional(),
  name: z.string().max(200).optional(),
});
export type MemberSeat = z.infer<typeof MemberSeat>;

const memberKey = (communityId: string) => storageKey('member', communityId);

export function loadMember(communityId: string): MemberSeat | null {
  if (!Id.safeParse(communityId).success) return null;
  const parsed = MemberSeat.safeParse(readStored(memberKey(communityId)));
  return parsed.success ? parsed.data : null;
}

/** False when the browser would not keep it (private mode, full quota): the person must be told. */
export function saveMember(communityId: string, seat: MemberSeat): boolean {
  if (!Id.safeParse(communityId).success || !MemberSeat.safeParse(seat).success) return false;
  return writeStored(memberKey(communityId), seat);
}

export function forgetMember(communityId: string): void {
  removeStored(memberKey(communityId));
}

/** One value of the address's fragment (#code=…, #claim=…), which never reaches the server. */
export function fragmentValue(hash: string, name: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || part.slice(0, eq) !== name) continue;
    try {
      const value = decodeURIComponent(part.slice(eq + 1)).trim();
      return value && value.length <= 2048 ? value : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Take a secret from the fragment and strip the fragment from the address bar (and history). */
export function takeFromFragment(name: string): string | null {
  const value = fragmentValue(window.location.hash, name);
  if (value !== null) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return value;
}
