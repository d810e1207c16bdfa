import { formatDate } from '@brave/i18n';
import { currentLanguage, i18n } from '../app/i18n.ts';

/**
 * Dates as a person types them (the browser's date and time fields, in their own time
 * zone) and as the API keeps them (epoch milliseconds). Pure, so it is tested.
 */
export interface LocalParts {
  /** YYYY-MM-DD, as <input type="date"> gives it. */
  date: string;
  /** HH:MM (24 h), as <input type="time"> gives it. */
  time: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalParts(epochMs: number): LocalParts {
  const d = new Date(epochMs);
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/**
 * The moment a local date and time name, or null when they name none (half-typed, or a
 * time skipped by a daylight-saving change).
 */
export function fromLocalParts({ date, time }: LocalParts): number | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const tm = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time.trim());
  if (!dm || !tm) return null;
  const [y, mo, d, h, mi] = [dm[1], dm[2], dm[3], tm[1], tm[2]].map(Number) as [number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi);
  // Date rolls 31 February into March and 02:30 on a spring-forward night into 03:30: refuse both.
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d || at.getHours() !== h || at.getMinutes() !== mi) return null;
  return at.getTime();
}

/** A sensible default for a new convening: a week from now, at the next full hour. */
export function nextWeek(now: number): number {
  const d = new Date(now + 7 * 24 * 60 * 60 * 1000);
  d.setMinutes(0, 0, 0);
  d.setHours(d.getHours() + 1);
  return d.getTime();
}

/** "Monday 7 December 2026, 14:05", in the current language. */
export const whenText = (epochMs: number): string =>
  i18n.t('community:time.when', { date: formatDate(currentLanguage(), epochMs, 'longDate'), time: formatDate(currentLanguage(), epochMs, 'time') });
export const dayText = (epochMs: number): string => formatDate(currentLanguage(), epochMs, 'date');

export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return i18n.t('community:time.minutes', { m });
  return m === 0 ? i18n.t('community:time.hours', { h }) : i18n.t('community:time.hoursMinutes', { h, m });
}
