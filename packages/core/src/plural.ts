/** English plural rules: the texts of this app are written in English. */
const rules = new Intl.PluralRules('en');

/** The word that agrees with a count: byCount(1, 'has', 'have') is "has". */
export const byCount = (n: number, one: string, other: string): string => (rules.select(n) === 'one' ? one : other);

/**
 * A count with its noun, by the language's own rules: "1 room", "2 rooms", "1 person",
 * "3 people". Every count shown to someone goes through here, so none reads "room(s)".
 */
export const countOf = (n: number, one: string, other = `${one}s`): string => `${n} ${byCount(n, one, other)}`;
