import type { CommunityChannel } from '@brave/protocol';
import { i18n } from '../app/i18n.ts';

/**
 * Channels as the facilitator edits them: names typed freely, ids derived as slugs.
 * A channel that already exists keeps its id when renamed, because its toolkit draft
 * is stored under that id.
 */
export interface ChannelDraft {
  key: string;
  name: string;
  /** The name in Spanish, '' for none. */
  es?: string;
  /** Set for channels the community already has; new ones get a slug of their name. */
  id?: string;
}

export const CHANNELS_MAX = 8;
const NAME_MAX = 40;
const SLUG_MAX = 32;

let counter = 0;
const newKey = () => `channel-${(counter += 1)}`;

export const blankChannel = (): ChannelDraft => ({ key: newKey(), name: '' });

/** A channel's name, or its id when the community no longer has it. */
export const channelNameIn = (channels: readonly CommunityChannel[], id: string): string => channels.find((c) => c.id === id)?.name ?? id;

export const toChannelDrafts = (channels: readonly CommunityChannel[]): ChannelDraft[] =>
  channels.map((c) => ({ key: newKey(), name: c.name, id: c.id, es: c.translations?.es ?? '' }));

/** "Money & Power!" → "money-power": lowercase letters, digits and single dashes, at most 32. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents go, their letters stay
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return slug || 'channel';
}

/** The slug of `name`, numbered (-2, -3, …) when another channel already uses it. */
export function uniqueSlug(name: string, taken: ReadonlySet<string>): string {
  const base = slugOf(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const tail = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - tail.length).replace(/-+$/, '')}${tail}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export type ChannelsResult = { ok: true; channels: CommunityChannel[] } | { ok: false; problem: string };

/** The list the API takes, or the first thing a person needs to fix, in plain words. */
export function channelsFromDrafts(drafts: readonly ChannelDraft[]): ChannelsResult {
  const named = drafts.map((d) => ({ ...d, name: d.name.trim().replace(/\s+/g, ' ') }));
  if (named.length === 0) return { ok: false, problem: i18n.t('community:channels.none') };
  if (named.length > CHANNELS_MAX) return { ok: false, problem: i18n.t('community:channels.tooMany', { max: CHANNELS_MAX }) };
  const empty = named.findIndex((d) => d.name === '');
  if (empty >= 0) return { ok: false, problem: i18n.t('community:channels.unnamed', { n: empty + 1 }) };
  const long = named.findIndex((d) => d.name.length > NAME_MAX);
  if (long >= 0) return { ok: false, problem: i18n.t('community:channels.tooLong', { n: long + 1, max: NAME_MAX }) };
  const lower = named.map((d) => d.name.toLowerCase());
  const twice = lower.findIndex((n, i) => lower.indexOf(n) !== i);
  if (twice >= 0) return { ok: false, problem: i18n.t('community:channels.twice', { name: named[twice]!.name }) };
  // Existing ids are claimed first so a new channel never takes an old draft's id.
  const taken = new Set(named.flatMap((d) => (d.id ? [d.id] : [])));
  const spanish = (d: ChannelDraft) => (d.es?.trim() ? { translations: { es: d.es.trim().slice(0, NAME_MAX) } } : {});
  const channels = named.map((d) => {
    if (d.id) return { id: d.id, name: d.name, ...spanish(d) };
    const id = uniqueSlug(d.name, taken);
    taken.add(id);
    return { id, name: d.name, ...spanish(d) };
  });
  return { ok: true, channels };
}

/** Caucus options typed one per line: trimmed, blank lines and repeats dropped. */
export function linesOf(text: string, max: number, maxLength: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim().slice(0, maxLength);
    if (line && !seen.has(line.toLowerCase())) {
      seen.add(line.toLowerCase());
      out.push(line);
    }
  }
  return out.slice(0, max);
}
