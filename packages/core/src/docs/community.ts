import type { DocAccess, DocSummary } from '@brave/protocol';
import type { CommunityActor } from '../community/access.ts';
import { NO_ABILITIES, type DocAbilities, type DocDecision } from './access.ts';
import { docName, toolkitTitle, type DocRef } from './names.ts';

/**
 * The community gate: who may open a community's toolkit drafts between convenings,
 * with a member credential or a facilitator's account. Facilitators of the community
 * write every draft; members of a working group write the drafts of that group's
 * channels; other members read; nobody else. Notes are not reachable here: they belong
 * to their convening and open with its credential.
 */

/** What the gate needs to know about one community (the server's CommunityDirectory supplies it). */
export interface CommunityDocFacts {
  communityId: string;
  name: string;
  channels: readonly { id: string; name: string }[];
  /** Account ids of its facilitators. */
  facilitators: readonly string[];
  /** Current members (people who left are not here). */
  members: readonly { id: string; name: string }[];
  workingGroups: readonly { id: string; name: string; channels: readonly string[]; members: readonly string[] }[];
}

/** The id a person's versions and edits are recorded under (a member's id is also their participant id). */
export const actorIdOf = (who: CommunityActor): string => (who.kind === 'facilitator' ? who.accountId : who.memberId);

export function communityDocAccess(facts: CommunityDocFacts, who: CommunityActor, ref: DocRef): DocDecision {
  if (ref.kind !== 'toolkit') return notFound('Notes belong to their convening; open them from the convening.');
  if (ref.communityId !== facts.communityId) return notFound();
  const title = toolkitTitle(facts.channels, ref.channel);
  if (!title) return notFound();
  const access = accessOf(facts, who, ref.channel);
  if (!access) return { ok: false, code: 'forbidden', message: 'Only facilitators and members of this community open its toolkit drafts.' };
  return { ok: true, access, kind: 'toolkit', title };
}

function accessOf(facts: CommunityDocFacts, who: CommunityActor, channel: string): DocAccess | null {
  if (who.kind === 'facilitator') return facts.facilitators.includes(who.accountId) ? 'write' : null;
  if (!facts.members.some((m) => m.id === who.memberId)) return null;
  return writesChannel(facts, who.memberId, channel) ? 'write' : 'read';
}

/** True when one of the member's working groups holds this channel. */
export const writesChannel = (facts: CommunityDocFacts, memberId: string, channel: string): boolean =>
  facts.workingGroups.some((g) => g.channels.includes(channel) && g.members.includes(memberId));

/** The community's drafts, in channel order, with this person's access (nothing for strangers). */
export function listCommunityDocs(facts: CommunityDocFacts, who: CommunityActor): DocSummary[] {
  const out: DocSummary[] = [];
  for (const c of facts.channels) {
    const ref: DocRef = { kind: 'toolkit', communityId: facts.communityId, channel: c.id };
    const d = communityDocAccess(facts, who, ref);
    if (d.ok) out.push({ name: docName(ref), title: d.title, kind: d.kind, access: d.access });
  }
  return out;
}

/** Whoever may write a draft may publish it: the facilitators and that channel's working groups. */
export function communityDocAbilities(facts: CommunityDocFacts, who: CommunityActor, ref: DocRef): DocAbilities {
  const d = communityDocAccess(facts, who, ref);
  if (!d.ok) return NO_ABILITIES;
  const write = d.access === 'write';
  return { read: true, write, publish: write, shareFrom: false, export: true };
}

const notFound = (message = 'There is no such document in this community.'): DocDecision => ({ ok: false, code: 'not_found', message });
