import type { Router } from 'express';
import {
  ClaimBody,
  Id,
  LeaveBody,
  MemberJoinBody,
  MemberProfile,
  WorkingGroupBody,
  type CommunityInfo,
  type LinkResult,
  type MemberCredential,
  type WorkingGroupView,
} from '@brave/protocol';
import { checkWorkingGroup, memberViewFor } from '@brave/core';
import { randomToken, safeEqual, sha256 } from '../accounts/secrets.ts';
import { newId } from '../convening/ids.ts';
import { FORMER_MEMBERS_FACTOR } from '../config.ts';
import { HttpError, parseBody } from '../http/respond.ts';
import type { Ctx } from './context.ts';
import { myData } from './my-data.ts';
import { atLimit, count } from './limits.ts';
import { forgetCaucusAnswers } from './answers.ts';
import { endMembership } from './purge.ts';
import { shareProfile } from './live-profile.ts';

/** How long a re-issued member link can be claimed. */
const CLAIM_MS = 7 * 86_400_000;

/**
 * Compares digests, not the strings: timingSafeEqual throws on buffers of different byte
 * lengths, which a code of the right length in other characters (é…) used to turn into a 500.
 */
const sameCode = (a: string, b: string) => safeEqual(a, b);

const paramId = (raw: unknown, what: string): string => {
  const id = Id.safeParse(raw);
  if (!id.success) throw new HttpError({ code: 'not_found', message: `We could not find that ${what}.` });
  return id.data;
};

function checkChannel(community: CommunityInfo, channel: string | null | undefined): void {
  if (channel != null && !community.channels.some((c) => c.id === channel)) {
    throw new HttpError({ code: 'bad_request', message: 'Please pick one of this community’s channels.', field: 'channel', messageKey: 'pickChannel' });
  }
}

const MemberPatch = MemberProfile.partial();
const notMember = () => new HttpError({ code: 'not_found', message: 'That person is not a member of this community.' });

/** Members (joining, credentials, their own data, leaving) and working groups. */
export function memberRoutes(r: Router, ctx: Ctx): void {
  const { members, who, now } = ctx;

  r.post('/communities/:id/members', async (req, res) => {
    ctx.limit(req);
    const body = parseBody(MemberJoinBody, req.body);
    const community = await ctx.communities.get(String(req.params.id));
    const current = community ? await ctx.communities.memberInviteCode(community.id) : null;
    if (!community || !current || !sameCode(current, body.code)) {
      throw new HttpError({ code: 'forbidden', message: 'That invite link is not valid any more. Ask a facilitator for the current one.', field: 'code', messageKey: 'inviteInvalid' });
    }
    const { code: _code, ...profile } = body;
    checkChannel(community, profile.channel);
    const max = ctx.limits.membersPerCommunity;
    const member = await members.add(community.id, newId('u'), profile, now(), max);
    if (member === 'full') {
      throw atLimit(`This community is full: it has ${count(max)} members, the most it can hold. Let a facilitator know; they can remove people who no longer take part.`);
    }
    if (member === 'history-full') {
      throw atLimit(`This community cannot take new members: ${count(max * FORMER_MEMBERS_FACTOR)} people have joined it over time, counting those who left. Let a facilitator know; whoever runs this server can raise the limit.`);
    }
    const token = ctx.memberTokens.issue(community.id, member.id, (await members.version(community.id, member.id))!);
    ctx.communityChanged(community.id);
    ctx.bell.ring(community.id, { kind: 'members' });
    res.status(201).json({ communityId: community.id, memberId: member.id, token } satisfies MemberCredential);
  });

  r.post('/communities/:id/members/:memberId/reissue', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const memberId = paramId(req.params.memberId, 'member');
    if ((await members.version(community.id, memberId)) === null) throw notMember();
    ctx.limitReissue(community.id);
    const version = await members.bumpVersion(community.id, memberId);
    if (version === null) throw notMember();
    // Whoever holds the new link can act as the member; a kept caucus answer is theirs
    // alone, so it does not travel with a link a facilitator made. They answer afresh.
    await members.setKeptAnswer(community.id, memberId, null);
    // The link carries a one-time code, not the credential: whoever claims it first gets
    // the key, so a member who finds it used asks again, which ends the other one's key.
    const code = randomToken();
    const expiresAt = now() + CLAIM_MS;
    await members.setClaim(community.id, memberId, sha256(code), expiresAt);
    ctx.communityChanged(community.id);
    ctx.bell.ring(community.id, { kind: 'members' });
    res.status(201).json({ url: `${ctx.base(req)}/c/${community.id}/welcome#claim=${code}`, expiresAt } satisfies LinkResult);
  });

  r.post('/communities/:id/members/claim', async (req, res) => {
    ctx.limit(req);
    const body = parseBody(ClaimBody, req.body);
    const community = await ctx.communities.get(String(req.params.id));
    const claimed = community ? await members.claim(community.id, sha256(body.code), now()) : null;
    if (!community || !claimed) {
      throw new HttpError({
        code: 'not_found',
        message: 'This personal link does not work any more: it opens once, for 7 days, and only the newest one counts. Ask a facilitator to make you a new one.',
        field: 'code',
      });
    }
    const token = ctx.memberTokens.issue(community.id, claimed.memberId, claimed.version);
    res.status(201).json({ communityId: community.id, memberId: claimed.memberId, token } satisfies MemberCredential);
  });

  r.delete('/communities/:id/members/:memberId', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const body = parseBody(LeaveBody, req.body);
    const memberId = paramId(req.params.memberId, 'member');
    if (!(await endMembership(ctx, community.id, memberId, body.replaceName))) {
      throw notMember();
    }
    ctx.bell.ring(community.id, { kind: 'members' });
    res.status(204).end();
  });

  // ---------- a member's own data ----------

  r.get('/communities/:id/me', async (req, res) => {
    const { community, member } = await who.member(req, req.params.id);
    res.json(await myData(ctx, community.id, member.memberId));
  });

  r.patch('/communities/:id/me', async (req, res) => {
    const { community, member, actor } = await who.member(req, req.params.id);
    const patch = parseBody(MemberPatch, req.body);
    checkChannel(community, patch.channel);
    const updated = await members.updateProfile(community.id, member.memberId, patch);
    if (!updated) throw new HttpError({ code: 'unauthorized', message: 'You are no longer a member of this community.', messageKey: 'notMemberAnyMore' });
    await shareProfile(ctx, community.id, updated);
    ctx.bell.ring(community.id, { kind: 'members' });
    res.json(memberViewFor(updated, actor));
  });

  /** Forget the caucus answer they asked us to keep; the next convening asks afresh. */
  r.delete('/communities/:id/me/caucus-answer', async (req, res) => {
    const { community, member } = await who.member(req, req.params.id);
    await forgetCaucusAnswers(ctx, community.id, member.memberId);
    res.status(204).end();
  });

  r.delete('/communities/:id/me', async (req, res) => {
    const { community, member } = await who.member(req, req.params.id);
    const body = parseBody(LeaveBody, req.body);
    await endMembership(ctx, community.id, member.memberId, body.replaceName);
    ctx.bell.ring(community.id, { kind: 'members' });
    res.status(204).end();
  });

  // ---------- working groups ----------

  const checked = async (community: CommunityInfo, body: WorkingGroupBody) => {
    const ids = new Set((await members.list(community.id)).map((m) => m.id));
    const ok = checkWorkingGroup(body, community.channels, ids);
    if (!ok.ok) throw new HttpError({ code: 'bad_request', message: ok.message, field: ok.field });
    return { name: body.name, channels: [...new Set(body.channels)], members: [...new Set(body.members)] };
  };

  r.post('/communities/:id/working-groups', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const group: WorkingGroupView = { id: newId('w'), ...(await checked(community, parseBody(WorkingGroupBody, req.body))) };
    const max = ctx.limits.workingGroupsPerCommunity;
    if ((await members.createGroup(community.id, group, now(), max)) === 'full') {
      throw atLimit(`This community has ${count(max)} working groups, the most it can have. Delete groups that have finished their work, or add people and channels to an existing group.`);
    }
    ctx.communityChanged(community.id);
    ctx.bell.ring(community.id, { kind: 'groups' });
    res.status(201).json(await members.group(community.id, group.id));
  });

  r.put('/communities/:id/working-groups/:gid', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const existing = await members.group(community.id, paramId(req.params.gid, 'working group'));
    if (!existing) throw new HttpError({ code: 'not_found', message: 'We could not find that working group.' });
    await members.putGroup(community.id, { id: existing.id, ...(await checked(community, parseBody(WorkingGroupBody, req.body))) }, now());
    ctx.communityChanged(community.id);
    ctx.bell.ring(community.id, { kind: 'groups' });
    res.json(await members.group(community.id, existing.id));
  });

  r.delete('/communities/:id/working-groups/:gid', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    if (!(await members.deleteGroup(community.id, paramId(req.params.gid, 'working group')))) {
      throw new HttpError({ code: 'not_found', message: 'We could not find that working group.' });
    }
    ctx.communityChanged(community.id);
    ctx.bell.ring(community.id, { kind: 'groups' });
    res.status(204).end();
  });
}
