import * as Y from 'yjs';
import { appendBlocks, fragmentOf, type Block } from './prose.ts';

/**
 * The starting text of a toolkit draft, in our own words, following the outline every
 * channel shares: the history of harm; shifting power; mutual accountability and standards.
 * The three channels most communities start with have their own prompts; any other
 * channel a community names gets the generic ones.
 */
interface Prompts {
  name: string;
  harm: string;
  power: string;
  standards: string;
}
const CHANNEL: Record<string, Prompts> = {
  money: {
    name: 'Money',
    harm: 'How have lending, grants, budgets, investment and pay been used to keep resources from communities of color, or to take from them? Name practices, places and years. Whose accounts are still missing from this page?',
    power: 'Who decides where money goes today, and who should? Describe concrete changes in who holds budgets, sets terms and judges results, and what we would need to make them last.',
    standards: 'Which practices will funders, lenders and organisations in our network commit to? For each, write how we will know it is happening and who will check in with whom.',
  },
  narrative: {
    name: 'Narrative',
    harm: 'How have news, images, campaigns and official histories been used to blame, erase or divide communities? Name the stories and who told them. Whose voices were left out?',
    power: 'Who gets to tell the story of our places, and who should? Describe how storytelling platforms, budgets and bylines could move to the people the stories are about.',
    standards: 'Which practices will storytellers, media makers and communicators in our network commit to? For each, write how we will know it is happening and who will check in with whom.',
  },
  policy: {
    name: 'Policy',
    harm: 'How have laws, rules, zoning, enforcement and public decisions been used to exclude or harm communities of color? Name the policies and their effects that still show today.',
    power: 'Who writes and decides policy now, and who should? Describe how decision-making seats, data and agenda-setting could move to historically excluded groups.',
    standards: 'Which practices will policymakers, advocates and agencies in our network commit to? For each, write how we will know it is happening and who will check in with whom.',
  },
};

const generic = (name: string): Prompts => ({
  name,
  harm: 'How have the institutions and practices of this field been used to exclude or harm communities of color? Name practices, places and years. Whose accounts are still missing from this page?',
  power: 'Who decides today, and who should? Describe concrete changes in who holds resources, sets terms and judges results, and what we would need to make them last.',
  standards: 'Which practices will the people and organisations in our network commit to? For each, write how we will know it is happening and who will check in with whom.',
});

/** The template of a channel, headed with the name the community gave it (if any). */
export function toolkitTemplate(channel: string, channelName?: string): Block[] {
  const known = Object.hasOwn(CHANNEL, channel) ? CHANNEL[channel] : undefined;
  const c = known ? { ...known, name: channelName ?? known.name } : generic(channelName ?? channel);
  return [
    { type: 'heading', level: 1, text: `${c.name} toolkit: our standards of accountability` },
    {
      type: 'paragraph',
      italic: true,
      text: 'A living draft our community of practice writes together from one convening to the next. Write freely; save a named version before large changes. When the working group is ready, it publishes a version for the public.',
    },
    { type: 'heading', level: 2, text: '1. The history of harm' },
    { type: 'paragraph', text: c.harm },
    { type: 'heading', level: 2, text: '2. Shifting power' },
    { type: 'paragraph', text: c.power },
    { type: 'heading', level: 2, text: '3. Mutual accountability and standards' },
    { type: 'paragraph', text: c.standards },
  ];
}

/**
 * The template as one Yjs update written by a fixed client id, so two servers that
 * both create the same empty draft produce identical content instead of a duplicate.
 */
export const TEMPLATE_CLIENT_ID = 1;

export function templateUpdate(channel: string, channelName?: string): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  doc.clientID = TEMPLATE_CLIENT_ID;
  doc.transact(() => appendBlocks(fragmentOf(doc), toolkitTemplate(channel, channelName)));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
