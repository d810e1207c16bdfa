import type { SignalKind, SignalStatus, Visibility } from '@brave/protocol';
import { formatDate } from '@brave/i18n';
import { currentLanguage, i18n } from './i18n.ts';

/**
 * Labels for protocol values, read from the catalogue (live namespace) in the current
 * language each time they are read: call them while rendering, never at module load.
 */
export const KIND_LABEL: Readonly<Record<SignalKind, string>> = {
  get ouch() {
    return i18n.t('live:kind.ouch');
  },
  get whoops() {
    return i18n.t('live:kind.whoops');
  },
};

export const KIND_HINT: Readonly<Record<SignalKind, string>> = {
  get ouch() {
    return i18n.t('live:kindHint.ouch');
  },
  get whoops() {
    return i18n.t('live:kindHint.whoops');
  },
};

export const VISIBILITY_ORDER: readonly Visibility[] = ['named', 'anonymous_to_room', 'anonymous'];

const byVisibility = <T,>(read: (v: Visibility) => T): Readonly<Record<Visibility, T>> =>
  Object.defineProperties({} as Record<Visibility, T>, Object.fromEntries(VISIBILITY_ORDER.map((v) => [v, { get: () => read(v), enumerable: true }])));

const STATUSES: readonly SignalStatus[] = ['raised', 'acknowledged', 'addressed', 'parked'];
const byStatus = (read: (s: SignalStatus) => string): Readonly<Record<SignalStatus, string>> =>
  Object.defineProperties({} as Record<SignalStatus, string>, Object.fromEntries(STATUSES.map((s) => [s, { get: () => read(s), enumerable: true }])));

/** How a participant chooses who learns it was them. */
export const VISIBILITY_CHOICE = byVisibility((v) => ({ label: i18n.t(`live:visibility.${v}.label`), hint: i18n.t(`live:visibility.${v}.hint`) }));

/** How the facilitator console describes a signal's visibility. */
export const VISIBILITY_FOR_HOSTS = byVisibility((v) => i18n.t(`live:visibilityForHosts.${v}`));

export const STATUS_LABEL = byStatus((s) => i18n.t(`live:status.${s}`));

/** What the sender sees about their own signal. */
export const STATUS_FOR_SENDER = byStatus((s) => i18n.t(`live:statusForSender.${s}`));

/** Who reads a signal's words: said next to every box where they are written. */
export const wordsReaders = (toRoom: boolean): string => i18n.t(toRoom ? 'live:wordsReaders.room' : 'live:wordsReaders.facilitators');

/** A moment's time of day in the reader's language (14:05, 2:05 PM). */
export const clockTime = (at: number): string => formatDate(currentLanguage(), at, 'time');
