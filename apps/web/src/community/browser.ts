import { saveSeat } from '../app/storage.ts';
import { navigate } from '../app/router.ts';
import type { ConveningEntry } from '@brave/protocol';

/** A file name from a title: letters, digits and dashes only. */
export function fileNameOf(title: string, fallback: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return base || fallback;
}

/**
 * Into a live convening: keep its credential the way the join and host screens do
 * (app/storage.ts, one seat per convening), then go where the server says.
 */
export function enterConvening(entry: ConveningEntry, name: string): void {
  saveSeat(entry.conveningId, { token: entry.token, role: entry.role, name });
  const fallback = entry.role === 'participant' ? `/c/${entry.conveningId}` : `/host/${entry.conveningId}`;
  // Only a path of our own app: never a full URL to somewhere else.
  navigate(/^\/[A-Za-z0-9/_-]*$/.test(entry.path) ? entry.path : fallback);
}
