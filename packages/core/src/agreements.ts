import type { Agreement, AgreementSetId, AgreementSetInfo, Translations } from '@brave/protocol';

/**
 * The built-in agreement sets, in our own words, each item in English and Spanish (readers
 * of Spanish see the second, docs/languages.md). Facilitators start from one of these,
 * edit any item, or write their own ("custom"). Ids are stable so spotlights and
 * reminder requests keep pointing at the same item across edits.
 */
const set = (id: AgreementSetId, title: string, summary: string, items: [key: string, text: string, es: string][]): AgreementSetInfo => ({
  id,
  title,
  summary,
  agreements: items.map(([key, text, es]) => ({ id: `${id}-${key}`, text, translations: { es } })),
});

export const AGREEMENT_LIBRARY: readonly AgreementSetInfo[] = [
  set('touchstones', 'Touchstones for being in community', 'Fourteen habits for showing up fully and caring for one another.', [
    ['present', 'Arrive as fully as you can, and make room for everyone else to arrive too.', 'Llega tan plenamente como puedas y deja espacio para que las demás personas también lleguen.'],
    ['try-on', 'Hold new ideas loosely for a while before deciding what you think.', 'Sostén las ideas nuevas con ligereza un tiempo antes de decidir qué piensas.'],
    ['no-fixing', "Offer presence, not repairs: we are not here to fix or rescue each other.", 'Ofrece presencia, no arreglos: no estamos aquí para arreglar ni rescatar a nadie.'],
    ['own-truth', 'Speak from your own experience, using "I" rather than "we" or "they".', 'Habla desde tu propia experiencia, en primera persona, y no por «nosotros» o «ellos».'],
    ['ouch-whoops', 'When something stings, say "ouch"; when you misspeak, say "whoops". Then say more when you are ready.', 'Cuando algo te duela, di «ay»; cuando te equivoques al hablar, di «uy». Luego di más cuando estés lista o listo.'],
    ['confidential', 'Stories stay with the people who told them; lessons may travel.', 'Las historias se quedan con quienes las contaron; los aprendizajes pueden viajar.'],
    ['wonder', 'When things get tense, get curious: ask "I wonder…" and look for both/and.', 'Cuando haya tensión, entra con curiosidad: pregunta «me pregunto…» y busca el «y» en lugar del «o».'],
    ['listen', 'Listen to understand, not to prepare your reply.', 'Escucha para comprender, no para preparar tu respuesta.'],
    ['invitation', 'Speaking is always by invitation. Passing is welcome.', 'Hablar es siempre por invitación. Pasar también está bien.'],
    ['assumptions', 'Notice the assumptions you carry and set judgement aside for a while.', 'Nota los supuestos que cargas y deja el juicio a un lado por un rato.'],
    ['impact', 'What you meant and how it landed can differ; both deserve attention.', 'Lo que quisiste decir y cómo llegó pueden ser distintos; ambas cosas merecen atención.'],
    ['silence', 'Let pauses be. Silence is part of the conversation.', 'Deja que las pausas sean. El silencio también es parte de la conversación.'],
    ['difference', 'Treat our differences as something to learn from, not to smooth away.', 'Tomemos nuestras diferencias como algo de lo que aprender, no como algo que borrar.'],
    ['non-closure', 'We may leave without resolution, and that is all right.', 'Puede que nos vayamos sin una resolución, y eso está bien.'],
  ]),
  set('race-dialogue', 'Talking openly about race', 'Ground rules for honest, precise conversation about racism.', [
    ['precise', 'Name things plainly: say racism and white supremacy when that is what we mean.', 'Nombremos las cosas con claridad: digamos racismo y supremacía blanca cuando eso es lo que queremos decir.'],
    ['history', 'Start from the history that brought us here, not from a blank slate.', 'Partamos de la historia que nos trajo hasta aquí, no de una hoja en blanco.'],
    ['systemic', 'Look past individual intentions to the systems and structures that shape outcomes.', 'Miremos más allá de las intenciones individuales, hacia los sistemas y estructuras que dan forma a los resultados.'],
    ['believe', "Believe people of color about their own experiences. Don't explain them away.", 'Creamos a las personas racializadas sobre sus propias experiencias. No las expliquemos ni las minimicemos.'],
    ['act', 'Talk is a beginning. Decide what we will do differently, and do it.', 'Hablar es un comienzo. Decidamos qué vamos a hacer distinto, y hagámoslo.'],
  ]),
  set('solidarity', 'Practices of solidarity', 'Five commitments for working across lines of difference.', [
    ['clarity', 'Share a clear understanding of the problem and what we are building toward.', 'Compartamos una comprensión clara del problema y de aquello que estamos construyendo.'],
    ['centering', 'Put the people most harmed at the center of every decision.', 'Pongamos en el centro de cada decisión a las personas más afectadas.'],
    ['connected', 'Connect our issues instead of working in silos.', 'Conectemos nuestras luchas en lugar de trabajar en compartimentos.'],
    ['co-liberation', 'Our freedom is bound together: refuse stories that set communities against each other.', 'Nuestra libertad está entrelazada: rechacemos los relatos que enfrentan a unas comunidades con otras.'],
    ['accountable', 'Handle conflict, credit and control openly and with accountability.', 'Abordemos el conflicto, el reconocimiento y el control de forma abierta y con responsabilidad.'],
  ]),
  set('network', 'Principles for our network', 'How we want to be with each other as a network over time.', [
    ['solidarity', 'Choose solidarity over going it alone.', 'Elijamos la solidaridad antes que ir por cuenta propia.'],
    ['trust', 'Build respect and trust, and repair them when they break.', 'Construyamos respeto y confianza, y reparémoslos cuando se rompan.'],
    ['bold', 'Act with courage, even before everything is certain.', 'Actuemos con valentía, incluso antes de tener todo claro.'],
    ['listen', 'Leading starts with listening.', 'Liderar empieza por escuchar.'],
    ['care', 'Rest and care for yourself; it is part of the work, not a break from it.', 'Descansa y cuídate; es parte del trabajo, no una pausa de él.'],
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
