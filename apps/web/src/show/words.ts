import type { PulseKind, ShowItem, ShowItemKind } from '@brave/protocol';

/** What each kind of item is called, and the title a new one starts with. */
export const KIND_LABEL: Record<ShowItemKind, string> = {
  welcome: 'Welcome',
  agreements: 'Agreements',
  plenary: 'Plenary',
  reflection: 'Quiet reflection',
  breakout: 'Breakout round',
  shareback: 'Share-back',
  pulse: 'Pulse check',
  closing: 'Closing',
};

export const KIND_START: Record<ShowItemKind, { title: string; minutes: number }> = {
  welcome: { title: 'Welcome and arriving', minutes: 10 },
  agreements: { title: 'Our agreements', minutes: 5 },
  plenary: { title: 'Together in the main room', minutes: 20 },
  reflection: { title: 'A few quiet minutes', minutes: 5 },
  breakout: { title: 'Small groups', minutes: 20 },
  shareback: { title: 'What the groups heard', minutes: 15 },
  pulse: { title: 'How are we doing?', minutes: 3 },
  closing: { title: 'Closing circle', minutes: 10 },
};

export const PULSE_KIND_LABEL: Record<PulseKind, string> = {
  scale: 'A number from 1 to 5',
  word: 'One word',
  choice: 'One of a few answers',
};

export const SCALE_WORDS: Record<string, string> = { '1': 'running low', '2': 'a little low', '3': 'in the middle', '4': 'fairly full', '5': 'full' };

/** "5 min", "1 h 10 min". */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

/** A line under an item's title: who speaks, which agreement, which round, which question. */
export function itemDetail(item: ShowItem, names: { agreement: (id: string) => string | null; round: (i: number) => string | null }): string | null {
  if (item.kind === 'plenary' && item.speaker) return item.speaker;
  if (item.kind === 'agreements' && item.agreementId) {
    const text = names.agreement(item.agreementId);
    return text ? `Spotlight: “${text}”` : null;
  }
  if (item.kind === 'breakout' && item.round !== undefined) {
    const name = names.round(item.round);
    return name ? `Round: ${name}` : null;
  }
  if (item.kind === 'pulse' && item.pulse) return item.pulse.question;
  return null;
}

/** A short id for a new item, unique within the plan. */
export function newItemId(taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `item${n}`;
    if (!taken.includes(id)) return id;
  }
}
