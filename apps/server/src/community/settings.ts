import * as Y from 'yjs';
import type { CommunityChannel } from '@brave/protocol';
import { toolkitDocName } from '@brave/core';
import { fragmentOf } from '../collab/prose.ts';
import { toMarkdown } from '../collab/render.ts';
import { templateUpdate } from '../collab/template.ts';
import type { CommunityDocs } from './docs.ts';

function templateMarkdown(channel: CommunityChannel): string {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, templateUpdate(channel.id, channel.name));
    return toMarkdown(fragmentOf(doc)).trim();
  } finally {
    doc.destroy();
  }
}

/**
 * Channels whose toolkit draft holds more than its starting template: someone wrote in
 * it, so the channel may not be dropped from the community's settings.
 */
export async function channelsWithWords(docs: CommunityDocs, communityId: string, channels: CommunityChannel[]): Promise<CommunityChannel[]> {
  const busy: CommunityChannel[] = [];
  for (const c of channels) {
    const md = (await docs.markdown(toolkitDocName(communityId, c.id)))?.trim();
    if (md !== undefined && md !== '' && md !== templateMarkdown(c)) busy.push(c);
  }
  return busy;
}
