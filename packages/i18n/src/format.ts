import type { Language } from './languages.ts';

// Intl formatters are costly to build and cheap to reuse: one per language and style.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lng: Language, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = `${lng}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(lng, timeZone ? { ...options, timeZone } : options);
    cache.set(key, found);
  }
  return found;
}

/** Named styles, so every screen shows the same kind of moment the same way. */
export const DATE_STYLES = {
  /** 14:05 / 2:05 PM */
  time: { hour: 'numeric', minute: '2-digit' },
  /** 7 Dec 2026 / 7 dic 2026 */
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  /** Mon 7 Dec, 14:05 */
  dateTime: { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
  /** Monday 7 December 2026 */
  longDate: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof DATE_STYLES;

/** A moment (ms since epoch or a Date) in the reader's language, in one of the named styles. */
export function formatDate(lng: Language, at: number | Date, style: DateStyle = 'date', timeZone?: string): string {
  return formatter(lng, DATE_STYLES[style], timeZone).format(at);
}

/** 'Ana, Bo and Cy' / 'Ana, Bo y Cy'. */
export function formatList(lng: Language, items: readonly string[]): string {
  return new Intl.ListFormat(lng, { style: 'long', type: 'conjunction' }).format(items);
}

/** A number with the reader's separators (1,234.5 / 1234,5). */
export function formatNumber(lng: Language, value: number): string {
  return new Intl.NumberFormat(lng).format(value);
}
