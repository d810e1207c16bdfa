import type { Router } from 'express';
import { Id, ScheduleBody, ShowPlan, UpdateScheduleBody, type CommunityInfo, type ConveningEntry, type RoundSpec, type ScheduledConvening, type ShowTemplate } from '@brave/protocol';
import { buildIcs, planProblem } from '@brave/core';
import { newId } from '../convening/ids.ts';
import { HttpError, parseBody } from '../http/respond.ts';
import type { Ctx } from './context.ts';
import { communityExport } from './my-data.ts';
import { atLimit, count } from './limits.ts';
import { roomProfile } from './live-profile.ts';
import { scheduledView, type ScheduleRecord } from './schedule-store.ts';

const noSchedule = () => new HttpError({ code: 'not_found', message: 'We could not find that scheduled convening.' });

/**
 * The host name for the calendar UID. Without PUBLIC_URL the base comes from the request's
 * Host (and, behind a local proxy, X-Forwarded-Proto) headers, which a caller controls: a
 * base that is not a URL must not turn into a 500.
 */
function hostnameOf(base: string): string {
  try {
    return new URL(base).hostname || 'brave-space';
  } catch {
    return 'brave-space';
  }
}

/**
 * A run of show planned ahead may spotlight only the community's agreements and open only
 * the rounds planned with it: the same rules the live convening applies (core show/decide.ts).
 */
function checkShow(community: CommunityInfo, rounds: readonly RoundSpec[], show: ShowPlan | null): void {
  if (!show) return;
  const problem = planProblem(show.items, { agreementIds: community.agreements.map((a) => a.id), rounds: rounds.length });
  if (problem && !problem.ok) throw new HttpError({ ...problem.error, field: problem.error.field ? `show.${problem.error.field}` : 'show' });
}

const notStarted = () => new HttpError({ code: 'conflict', message: 'This convening has not started yet. A facilitator starts it from the community page.' });

/** Scheduled convenings: plan, calendar, start, enter; and the community export. */
export function conveningRoutes(r: Router, ctx: Ctx): void {
  const { schedule, who, now } = ctx;
  /** Convenings being started right now, so a double click cannot open two. */
  const starting = new Set<string>();

  const find = async (communityId: string, raw: unknown): Promise<ScheduleRecord> => {
    const id = Id.safeParse(raw);
    const found = id.success ? await schedule.get(communityId, id.data) : null;
    if (!found) throw noSchedule();
    await ctx.refreshEnded([found]);
    return found;
  };

  r.post('/communities/:id/convenings', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const body = parseBody(ScheduleBody, req.body);
    checkShow(community, body.rounds, body.show);
    const max = ctx.limits.scheduledPerCommunity;
    const made = await schedule.create(community.id, { id: newId('s'), ...body }, now(), max);
    if (made === 'full') {
      throw atLimit(
        `This community has ${count(max)} scheduled convenings, past ones included, the most it can hold. Delete planned convenings you no longer need to make room; if its history alone is this long, ask whoever runs this server to raise the limit.`,
      );
    }
    ctx.bell.ring(community.id, { kind: 'schedule', scheduleId: made.id });
    res.status(201).json(scheduledView(made) satisfies ScheduledConvening);
  });

  r.patch('/communities/:id/convenings/:sid', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const found = await find(community.id, req.params.sid);
    const body = parseBody(UpdateScheduleBody, req.body);
    if (found.status !== 'scheduled') {
      throw new HttpError({ code: 'conflict', message: 'This convening has already started; change its agenda from the host console instead.' });
    }
    const next: ScheduleRecord = { ...found, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) };
    checkShow(community, next.rounds, next.show);
    await schedule.update(next, now());
    ctx.bell.ring(community.id, { kind: 'schedule', scheduleId: found.id });
    res.json(scheduledView((await schedule.get(community.id, found.id))!));
  });

  r.delete('/communities/:id/convenings/:sid', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const found = await find(community.id, req.params.sid);
    if (found.status !== 'scheduled' || !(await schedule.deleteUnstarted(community.id, found.id))) {
      throw new HttpError({ code: 'conflict', message: 'A convening that has started stays in the community’s history.' });
    }
    ctx.bell.ring(community.id, { kind: 'schedule', scheduleId: found.id });
    res.status(204).end();
  });

  // The community's run-of-show template: kept from one convening, offered in the next one's planner.
  r.get('/communities/:id/show-template', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    res.setHeader('Cache-Control', 'no-store');
    // null: nothing kept yet.
    res.json((await schedule.showTemplate(community.id)) satisfies ShowTemplate | null);
  });

  r.put('/communities/:id/show-template', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    const plan = parseBody(ShowPlan, req.body);
    await schedule.keepShowTemplate(community.id, plan, now());
    res.json((await schedule.showTemplate(community.id))! satisfies ShowTemplate);
  });

  r.delete('/communities/:id/show-template', async (req, res) => {
    const { community } = await who.facilitator(req, req.params.id);
    await schedule.dropShowTemplate(community.id);
    res.status(204).end();
  });

  r.get('/communities/:id/convenings/:sid/calendar.ics', async (req, res) => {
    const { community } = await who.either(req, req.params.id);
    const found = await find(community.id, req.params.sid);
    const host = hostnameOf(ctx.base(req));
    const ics = buildIcs({
      uid: `${found.id}@${host}`,
      title: found.title,
      description: [community.name, ...found.outline.map((o) => `- ${o}`)].join('\n'),
      url: `${ctx.base(req)}/c/${community.id}`,
      startsAt: found.startsAt,
      durationMinutes: found.durationMinutes,
      stamp: found.updatedAt,
      sequence: found.sequence,
    });
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="convening-${found.id}.ics"`)
      .send(ics);
  });

  r.post('/communities/:id/convenings/:sid/start', async (req, res) => {
    const { community, account } = await who.facilitator(req, req.params.id);
    const found = await find(community.id, req.params.sid);
    if (found.status !== 'scheduled' || starting.has(found.id)) {
      throw new HttpError({ code: 'conflict', message: 'This convening has already started; open it as host instead.' });
    }
    starting.add(found.id);
    try {
      const made = await ctx.rooms.create(
        { title: found.title, agreementSetId: community.agreementSetId, agreements: community.agreements.map((a) => ({ id: a.id, text: a.text, ...(a.translations ? { translations: a.translations } : {}) })) },
        {
          communityId: community.id,
          channels: community.channels,
          caucusOptions: community.caucusOptions,
          outline: found.outline,
          agenda: found.rounds,
          show: found.show,
          host: { participantId: account.id, name: account.name },
        },
      );
      await schedule.markStarted(community.id, found.id, made.id, now());
      ctx.bell.ring(community.id, { kind: 'schedule', scheduleId: found.id });
      res.status(201).json(entry(made.id, made.hostId, 'facilitator', `/host/${made.id}`));
    } finally {
      starting.delete(found.id);
    }
  });

  r.post('/communities/:id/convenings/:sid/host', async (req, res) => {
    const { community, account } = await who.facilitator(req, req.params.id);
    const found = await find(community.id, req.params.sid);
    const room = found.conveningId ? await ctx.rooms.get(found.conveningId) : null;
    if (!room) throw notStarted();
    // Every facilitator of the community hosts its convenings, under their account id.
    const admitted = await room.admit({ participantId: account.id, name: account.name, pronouns: null, role: 'facilitator' });
    if (!admitted.ok) throw new HttpError(admitted.error);
    res.json(entry(room.id, account.id, admitted.role === 'participant' ? 'participant' : 'facilitator', `/host/${room.id}`));
  });

  r.post('/communities/:id/convenings/:sid/join', async (req, res) => {
    const { community, member } = await who.member(req, req.params.id);
    const found = await find(community.id, req.params.sid);
    const room = found.conveningId ? await ctx.rooms.get(found.conveningId) : null;
    const profile = await ctx.members.get(community.id, member.memberId);
    if (!room) throw notStarted();
    if (!profile) throw new HttpError({ code: 'unauthorized', message: 'You are no longer a member of this community.' });
    const admitted = await room.admit({
      participantId: member.memberId,
      name: profile.name,
      pronouns: profile.pronouns,
      role: 'participant',
      profile: roomProfile(profile),
      keptAnswer: await ctx.members.keptAnswer(community.id, member.memberId),
    });
    if (!admitted.ok) throw new HttpError(admitted.error);
    res.json(entry(room.id, member.memberId, 'participant', `/c/${room.id}`));
  });

  r.get('/communities/:id/export', async (req, res) => {
    const { community, actor } = await who.facilitator(req, req.params.id);
    const data = await communityExport(ctx, community, actor);
    res.setHeader('Content-Disposition', `attachment; filename="community-${community.id}.json"`);
    res.json(data);
  });

  function entry(conveningId: string, participantId: string, role: ConveningEntry['role'], path: string): ConveningEntry {
    return { conveningId, participantId, role, path, token: ctx.tokens.issue({ conveningId, participantId, role }) };
  }
}
