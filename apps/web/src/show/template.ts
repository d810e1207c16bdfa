import { communities } from '@brave/client';
import { ShowPlan, ShowTemplate } from '@brave/protocol';
import { readStored, storageKey, writeStored } from '../app/storage.ts';

/**
 * A run of show kept for the next convening: a community's is kept on the server for all its
 * facilitators (GET/PUT /api/communities/:id/show-template); a quick convening's, which has no
 * community, on this device. Read back through the schema either way, so an old or edited
 * entry is ignored rather than trusted. A facilitator without the community's session (a
 * co-host by code) simply finds none.
 */
export type { ShowTemplate };

const deviceKey = storageKey('show-template', 'quick');

export async function loadTemplate(communityId: string | null): Promise<ShowTemplate | null> {
  if (communityId === null) {
    const parsed = ShowTemplate.safeParse(readStored(deviceKey));
    return parsed.success ? parsed.data : null;
  }
  try {
    return await communities.showTemplate(window.location.origin, communityId);
  } catch {
    return null;
  }
}

/** Keep `plan`; the kept template, or null when it could not be kept. */
export async function saveTemplate(communityId: string | null, plan: ShowPlan): Promise<ShowTemplate | null> {
  const checked = ShowPlan.parse(plan);
  if (communityId === null) {
    const kept = { ...checked, savedAt: Date.now() };
    return writeStored(deviceKey, kept) ? kept : null;
  }
  try {
    return await communities.keepShowTemplate(window.location.origin, communityId, checked);
  } catch {
    return null;
  }
}
