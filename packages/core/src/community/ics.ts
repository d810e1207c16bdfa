/**
 * iCalendar (RFC 5545) text for a scheduled convening, so members can add it to their
 * calendar. Pure: times come in as epoch milliseconds and are written in UTC.
 */
export interface IcsEvent {
  /** Stable across downloads and edits, so calendars update the event instead of adding one. */
  uid: string;
  title: string;
  description?: string;
  /** Where the event lives online (the community page). */
  url?: string;
  startsAt: number;
  durationMinutes: number;
  /** When this version of the event was written (DTSTAMP); stable for the same version. */
  stamp: number;
  /** Bumped on every change, so calendar apps take the newer version. */
  sequence?: number;
}

const CRLF = '\r\n';

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** 20260105T170000Z. Civil date from days since the epoch (no Date object: core is pure). */
export function icsUtc(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const secs = totalSeconds - days * 86_400;
  const { y, m, d } = civilFromDays(days);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(y).padStart(4, '0')}${two(m)}${two(d)}T${two(Math.floor(secs / 3600))}${two(Math.floor((secs % 3600) / 60))}${two(secs % 60)}Z`;
}

/** Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar). */
function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Octets of one code point in UTF-8. */
const utf8Length = (ch: string) => {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/**
 * Fold a content line at 75 octets: continuation lines start with one space. Never splits
 * a character (a UTF-8 sequence, or a surrogate pair) across lines.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    // The first line holds 75 octets; continuations hold 74 after their leading space.
    const room = out.length === 0 ? 75 : 74;
    if (octets + size > room) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

export function buildIcs(event: IcsEvent, prodId = '-//Brave Space//Community convenings//EN'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${icsUtc(event.stamp)}`,
    `DTSTART:${icsUtc(event.startsAt)}`,
    `DTEND:${icsUtc(event.startsAt + event.durationMinutes * 60_000)}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
    ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url.replace(/[\r\n]/g, '')}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
