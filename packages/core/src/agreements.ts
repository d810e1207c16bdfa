import type { Agreement, AgreementSetId, AgreementSetInfo, Translations } from '@brave/protocol';

/**
 * The built-in agreement sets, in our own words. Facilitators start from one of these,
 * edit any item, or write their own ("custom"). Ids are stable so spotlights and
 * reminder requests keep pointing at the same item across edits.
 */
const set = (id: AgreementSetId, title: string, summary: string, items: [string, string][]): AgreementSetInfo => ({
  id,
  title,
  summary,
  agreements: items.map(([key, text]) => ({ id: `${id}-${key}`, text })),
});

export const AGREEMENT_LIBRARY: readonly AgreementSetInfo[] = [
  set('touchstones', 'Touchstones for being in community', 'Fourteen habits for showing up fully and caring for one another.', [
    ['present', 'Arrive as fully as you can, and make room for everyone else to arrive too.'],
    ['try-on', 'Hold new ideas loosely for a while before deciding what you think.'],
    ['no-fixing', "Offer presence, not repairs: we are not here to fix or rescue each other."],
    ['own-truth', 'Speak from your own experience, using "I" rather than "we" or "they".'],
    ['ouch-whoops', 'When something stings, say "ouch"; when you misspeak, say "whoops". Then say more when you are ready.'],
    ['confidential', 'Stories stay with the people who told them; lessons may travel.'],
    ['wonder', 'When things get tense, get curious: ask "I wonder…" and look for both/and.'],
    ['listen', 'Listen to understand, not to prepare your reply.'],
    ['invitation', 'Speaking is always by invitation. Passing is welcome.'],
    ['assumptions', 'Notice the assumptions you carry and set judgement aside for a while.'],
    ['impact', 'What you meant and how it landed can differ; both deserve attention.'],
    ['silence', 'Let pauses be. Silence is part of the conversation.'],
    ['difference', 'Treat our differences as something to learn from, not to smooth away.'],
    ['non-closure', 'We may leave without resolution, and that is all right.'],
  ]),
  set('race-dialogue', 'Talking openly about race', 'Ground rules for honest, precise conversation about racism.', [
    ['precise', 'Name things plainly: say racism and white supremacy when that is what we mean.'],
    ['history', 'Start from the history that brought us here, not from a blank slate.'],
    ['systemic', 'Look past individual intentions to the systems and structures that shape outcomes.'],
    ['believe', "Believe people of color about their own experiences. Don't explain them away."],
    ['act', 'Talk is a beginning. Decide what we will do differently, and do it.'],
  ]),
  set('solidarity', 'Practices of solidarity', 'Five commitments for working across lines of difference.', [
    ['clarity', 'Share a clear understanding of the problem and what we are building toward.'],
    ['centering', 'Put the people most harmed at the center of every decision.'],
    ['connected', 'Connect our issues instead of working in silos.'],
    ['co-liberation', 'Our freedom is bound together: refuse stories that set communities against each other.'],
    ['accountable', 'Handle conflict, credit and control openly and with accountability.'],
  ]),
  set('network', 'Principles for our network', 'How we want to be with each other as a network over time.', [
    ['solidarity', 'Choose solidarity over going it alone.'],
    ['trust', 'Build respect and trust, and repair them when they break.'],
    ['bold', 'Act with courage, even before everything is certain.'],
    ['listen', 'Leading starts with listening.'],
    ['care', 'Rest and care for yourself; it is part of the work, not a break from it.'],
  ]),
];

export const DEFAULT_AGREEMENT_SET: AgreementSetId = 'touchstones';

export function agreementSet(id: AgreementSetId): AgreementSetInfo | undefined {
  return AGREEMENT_LIBRARY.find((s) => s.id === id);
}

/**
 * Give every edited item a stable id: keep the id it came with when that id is free,
 * otherwise mint one from `newId`.
 */
export function normaliseAgreements(items: { id?: string | undefined; text: string; translations?: Translations | undefined }[], newId: () => string): Agreement[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const id = item.id && !seen.has(item.id) ? item.id : newId();
    seen.add(id);
    // A translation left empty is no translation: readers then see the original.
    const es = item.translations?.es?.trim();
    return es ? { id, text: item.text, translations: { es } } : { id, text: item.text };
  });
}
