import { createHash, randomBytes } from 'node:crypto';
import type { Router } from 'express';
import {
  AcceptFacilitatorBody,
  CreateCommunityBody,
  DEFAULT_CAUCUS_OPTIONS,
  DeleteCommunityBody,
  InviteCode,
  UpdateCommunityBody,
  type CommunitiesResult,
  type CommunityInfo,
  type InviteInfo,
  type LinkResult,
} from '@brave/protocol';
import { agreementSet, normaliseAgreements, shapeHome, toolkitDocName } from '@brave/core';
import { newId } from '../convening/ids.ts';
import { HttpError, parseBody } from '../http/respond.ts';
import type { Ctx } from './context.ts';
import { atLimit, count } from './limits.ts';
import { deleteCommunity, revokeConvenings } from './purge.ts';
import { scheduledView } from './schedule-store.ts';
import { channelsWithWords } from './settings.ts';

const FACILITATOR_INVITE_MS = 7 * 86_400_000;

export const newInviteCode = (): string => randomBytes(12).toString('base64url');
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

const tooManyCommunities = (max: number, then: string) =>
  atLimit(`Your account already facilitates ${count(max)} communities, the most one account can. ${then}`);

/** The agreements a community's settings stand for: its own words, or a library set. */
function agreementsOf(setId: CommunityInfo['agreementSetId'], own: { id?: string | undefined; text: string }[] | undefined) {
  if (own) return { agreementSetId: 'custom' as const, agreements: normaliseAgreements(own, () => newId('a')) };
  const set = setId === 'custom' ? undefined : agreementSet(setId);
  if (!set) throw new HttpError({ code: 'bad_request', message: 'Write your own agreements, or pick one of the library sets.', field: 'agreements' });
  return { agreementSetId: setId, agreements: set.agreements.map((a) => ({ ...a })) };
}

/** Communities, their settings, facilitators and invite links. */
export function communityRoutes(r: Router, ctx: Ctx): void {
  const { communities, who, now } = ctx;

  // Answers here carry credentials, invite codes and what members told us: no cache keeps them.
  r.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  r.get('/communities', async (req, res) => {
    const account = await ctx.auth.require(req);
    res.json({ communities: await communities.summariesOf(account.id, now()) } satisfies CommunitiesResult);
  });

  r.post('/communities', async (req, res) => {
    const account = await ctx.auth.require(req);
    const body = parseBody(CreateCommunityBody, req.body);
    const info: CommunityInfo = {
      id: newId('k'),
      name: body.name,
      description: body.description,
      ...agreementsOf(body.agreementSetId, body.agreements),
      channels: body.channels,
      caucusOptions: [...new Set(body.caucusOptions ?? DEFAULT_CAUCUS_OPTIONS)],
      retentionDays: body.retentionDays,
      createdAt: now(),
    };
    if ((await communities.create(info, { accountId: account.id, name: account.name }, newInviteCode(), ctx.limits.communitiesPerAccount)) === 'full') {
      throw tooManyCommunities(ctx.limits.communitiesPerAccount, 'Delete a community you no longer use, or hand one to a co-facilitator and leave it, to make room.');
    }
    res.status(201).json(info);
  });

  r.get('/communities/:id', async (req, res) => {
    const caller = await who.either(req, req.params.id);
    const id = caller.community.id;
    const schedule = (await ctx.schedules(id)).map(scheduledView);
    const drafts = caller.community.channels.map((c) => toolkitDocName(id, c.id));
    const home = shapeHome(
      {
        community: caller.community,
        facilitators: await communities.facilitators(id),
        members: await ctx.members.list(id),
        workingGroups: await ctx.members.groups(id),
        schedule,
        publications: await ctx.docs.publications(drafts, ctx.base(req)),
      },
      caller.kind === 'facilitator' ? { ...caller.actor, name: caller.account.name } : { ...caller.actor, name: caller.member.name },
    );
    res.json(home);
  });

  r.patch('/communities/:id', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const body = parseBody(UpdateCommunityBody, req.body);
    const agreements =
      body.agreements || body.agreementSetId
        ? agreementsOf(body.agreementSetId ?? community.agreementSetId, body.agreements ?? (body.agreementSetId ? undefined : community.agreements))
        : { agreementSetId: community.agreementSetId, agreements: community.agreements };
    const channels = body.channels ?? community.channels;
    const dropped = community.channels.filter((c) => !channels.some((x) => x.id === c.id));
    const busy = await channelsWithWords(ctx.docs, community.id, dropped);
    if (busy.length > 0) {
      throw new HttpError({
        code: 'conflict',
        message: `The ${busy.map((c) => c.name).join(', ')} toolkit draft has writing in it, so that channel stays. Export the community first if you want to keep a copy, then clear the draft.`,
        field: 'channels',
      });
    }
    const next: CommunityInfo = {
      ...community,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...agreements,
      channels,
      ...(body.caucusOptions ? { caucusOptions: [...new Set(body.caucusOptions)] } : {}),
      ...(body.retentionDays !== undefined ? { retentionDays: body.retentionDays } : {}),
    };
    await communities.update(next, dropped.map((c) => c.id));
    ctx.communityChanged(community.id);
    ctx.bell.ring(community.id, { kind: 'community' });
    res.json(next);
  });

  r.delete('/communities/:id', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const body = parseBody(DeleteCommunityBody, req.body);
    if (body.confirmName.trim().toLowerCase() !== community.name.trim().toLowerCase()) {
      throw new HttpError({ code: 'bad_request', message: 'Type the community’s name exactly to confirm deleting it.', field: 'confirmName' });
    }
    await deleteCommunity(ctx, community.id);
    ctx.bell.ring(community.id, { kind: 'community' });
    res.status(204).end();
  });

  // ---------- co-facilitators ----------

  r.post('/communities/:id/facilitator-invites', async (req, res) => {
    const { community, account } = await who.facilitator(req, req.params.id);
    const code = randomBytes(24).toString('base64url');
    const expiresAt = now() + FACILITATOR_INVITE_MS;
    const max = ctx.limits.openFacilitatorInvites;
    if ((await communities.createFacilitatorInvite({ tokenHash: hashToken(code), communityId: community.id, createdBy: account.id, createdAt: now(), expiresAt }, max)) === 'full') {
      throw atLimit(
        `This community has ${count(max)} co-facilitator links nobody has used yet, the most it can have open. Send one of those, or wait: each stops counting once it is used or 7 days after it was made.`,
      );
    }
    res.status(201).json({ url: `${ctx.base(req)}/c/${community.id}/cohost#code=${code}`, expiresAt } satisfies LinkResult);
  });

  r.post('/communities/:id/facilitators', async (req, res) => {
    ctx.limit(req);
    const account = await ctx.auth.require(req);
    const body = parseBody(AcceptFacilitatorBody, req.body);
    const community = await communities.get(String(req.params.id));
    const max = ctx.limits.communitiesPerAccount;
    const accepted = community ? await communities.acceptFacilitatorInvite(hashToken(body.code), community.id, account, now(), max) : 'invalid';
    if (accepted === 'full') throw tooManyCommunities(max, 'Leave or delete one you no longer use, then open this link again: it still works.');
    if (!community || accepted !== 'ok') {
      throw new HttpError({ code: 'not_found', message: 'That co-facilitator link is not valid: it may have been used already or expired. Ask for a new one.', field: 'code' });
    }
    ctx.communityChanged(community.id);
    ctx.bell.ring(community.id, { kind: 'community' });
    res.status(201).json(community);
  });

  r.delete('/communities/:id/facilitators/:accountId', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const outcome = await communities.removeFacilitator(community.id, String(req.params.accountId));
    if (outcome === 'not-found') throw new HttpError({ code: 'not_found', message: 'That person is not a facilitator of this community.' });
    if (outcome === 'last') throw new HttpError({ code: 'conflict', message: 'A community needs at least one facilitator; invite another before leaving.' });
    // Their participant id in the community's convenings is their account id.
    await revokeConvenings(ctx, community.id, String(req.params.accountId));
    ctx.bell.ring(community.id, { kind: 'community' });
    res.status(204).end();
  });

  // ---------- the member invite link ----------

  const memberLink = (base: string, communityId: string, code: string): LinkResult => ({ url: `${base}/c/${communityId}/join#code=${code}`, expiresAt: null });

  r.get('/communities/:id/member-invite', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    let code = await communities.memberInviteCode(community.id);
    if (!code) await communities.rotateMemberInvite(community.id, (code = newInviteCode()), now());
    res.json(memberLink(ctx.base(req), community.id, code));
  });

  r.post('/communities/:id/member-invite/rotate', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const code = newInviteCode();
    await communities.rotateMemberInvite(community.id, code, now());
    ctx.bell.ring(community.id, { kind: 'community' });
    res.json(memberLink(ctx.base(req), community.id, code));
  });

  r.get('/invites/:code', async (req, res) => {
    ctx.limit(req);
    const code = InviteCode.safeParse(req.params.code);
    const community = code.success ? await communities.communityByInviteCode(code.data) : null;
    if (!community) throw new HttpError({ code: 'not_found', message: 'That invite link is not valid any more. Ask a facilitator for the current one.', field: 'code' });
    const info: InviteInfo = { communityId: community.id, name: community.name, description: community.description, channels: community.channels, agreements: community.agreements };
    res.json(info);
  });
}
