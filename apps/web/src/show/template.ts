import { ShowItem } from '@brave/protocol';
import { z } from 'zod';
import { readStored, storageKey, writeStored } from '../app/storage.ts';

/**
 * A run of show kept on this device for the next convening of the same community:
 * saved from one convening's plan, offered in the next one's planner. Read back through
 * the schema, so an old or edited entry is ignored rather than trusted.
 */
const Template = z.object({ items: z.array(ShowItem).max(30), autoAdvance: z.boolean(), savedAt: z.number() });
export type ShowTemplate = z.infer<typeof Template>;

const key = (communityId: string) => storageKey('show-template', communityId);

export function loadTemplate(communityId: string): ShowTemplate | null {
  const parsed = Template.safeParse(readStored(key(communityId)));
  return parsed.success ? parsed.data : null;
}

export function saveTemplate(communityId: string, template: Omit<ShowTemplate, 'savedAt'>): boolean {
  return writeStored(key(communityId), { ...template, savedAt: Date.now() });
}
