import { describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, foldIcsLine, icsUtc } from '../../src/index.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('calendar (.ics) text', () => {
  const event = {
    uid: 's_abc@brave.example',
    title: 'Month six: money, narrative; policy',
    description: 'Learning network\n- Opening circle\n- Mix round',
    url: 'https://brave.example/c/k_1',
    startsAt: Date.UTC(2026, 4, 12, 16, 30),
    durationMinutes: 90,
    stamp: Date.UTC(2026, 3, 1, 9, 0, 5),
    sequence: 2,
  };

  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeIcsText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('writes times in UTC with a Z', () => {
    expect(icsUtc(Date.UTC(2026, 4, 12, 16, 30))).toBe('20260512T163000Z');
    expect(icsUtc(Date.UTC(2024, 1, 29, 23, 59, 59))).toBe('20240229T235959Z');
    expect(icsUtc(0)).toBe('19700101T000000Z');
    expect(icsUtc(Date.UTC(2099, 11, 31, 0, 0, 1))).toBe('20991231T000001Z');
  });

  it('ends every line with CRLF and folds lines longer than 75 octets', () => {
    const ics = buildIcs({ ...event, description: 'x'.repeat(300) });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    // Unfolding (remove CRLF + one space) gives back the long line whole.
    expect(ics.replace(/\r\n /g, '')).toContain(`DESCRIPTION:${'x'.repeat(300)}\r\n`);
  });

  it('never splits a multi-byte character when folding', () => {
    const line = `SUMMARY:${'é'.repeat(50)}${'🌱'.repeat(20)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    for (const p of parts) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toContain('\uFFFD');
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('has a stable UID, start, end and summary', () => {
    const ics = buildIcs(event);
    expect(buildIcs(event)).toBe(ics);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('UID:s_abc@brave.example\r\n');
    expect(unfolded).toContain('DTSTART:20260512T163000Z\r\n');
    expect(unfolded).toContain('DTEND:20260512T180000Z\r\n');
    expect(unfolded).toContain('DTSTAMP:20260401T090005Z\r\n');
    expect(unfolded).toContain('SEQUENCE:2\r\n');
    expect(unfolded).toContain('SUMMARY:Month six: money\\, narrative\\; policy\r\n');
    expect(unfolded).toContain('DESCRIPTION:Learning network\\n- Opening circle\\n- Mix round\r\n');
    expect(unfolded.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(unfolded).toMatch(/BEGIN:VEVENT[\s\S]*END:VEVENT\r\nEND:VCALENDAR\r\n$/);
  });
});
