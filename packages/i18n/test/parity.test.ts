import { describe, expect, it } from 'vitest';
import { LANGUAGES, NAMESPACES, resources, type Language } from '../src/index.ts';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a catalogue as 'a.b.c' → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys with their plural endings taken off, each with the endings it has. */
function baseKeys(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const ending = PLURAL.exec(key)?.[1] ?? '';
    const base = ending ? key.slice(0, -ending.length - 1) : key;
    out.set(base, (out.get(base) ?? new Set()).add(ending));
  }
  return out;
}

/** {{name}}, {{count}}, $t(...) and <tag> names in a text: what the code must supply. */
const placeholders = (text: string) =>
  new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<\/?(\w+)\s*\/?>|\$t\(([^)]*)\)/g)].map((m) => m[1] ?? (m[2] ? `<${m[2]}>` : m[3])));

/** Plural categories a count of people, minutes or rooms can reach in this language. */
function neededCategories(lng: Language): Set<string> {
  const rules = new Intl.PluralRules(lng);
  const needed = new Set<string>();
  for (let n = 0; n <= 10_000; n++) needed.add(rules.select(n));
  return needed;
}

const catalogue = (lng: Language, ns: string) => leaves((resources[lng] as unknown as Record<string, Tree>)[ns] ?? {});

describe.each(NAMESPACES)('catalogue %s', (ns) => {
  const flat = Object.fromEntries(LANGUAGES.map((lng) => [lng, catalogue(lng, ns)])) as Record<Language, Map<string, string>>;
  const bases = Object.fromEntries(LANGUAGES.map((lng) => [lng, baseKeys(flat[lng])])) as Record<Language, Map<string, Set<string>>>;

  it('has the same keys in every language', () => {
    for (const lng of LANGUAGES) expect([...bases[lng].keys()].sort(), `${lng}/${ns}`).toEqual([...bases.en.keys()].sort());
  });

  it('has every plural form each language needs, and no untranslated empty text', () => {
    for (const lng of LANGUAGES) {
      for (const [base, endings] of bases[lng]) {
        const plural = [...bases.en.get(base) ?? []].some(Boolean) || [...endings].some(Boolean);
        if (plural) for (const category of neededCategories(lng)) expect(endings.has(category), `${lng}/${ns}:${base}_${category}`).toBe(true);
        else expect(endings, `${lng}/${ns}:${base} is plural in one language only`).toEqual(new Set(['']));
      }
      for (const [key, text] of flat[lng]) expect(text.trim(), `${lng}/${ns}:${key}`).not.toBe('');
    }
  });

  it('uses the same interpolation variables and tags in every language', () => {
    const used = (lng: Language, base: string) =>
      [...flat[lng]].filter(([key]) => key === base || key.replace(PLURAL, '') === base).flatMap(([, text]) => [...placeholders(text)]);
    for (const base of bases.en.keys()) {
      const english = new Set(used('en', base));
      for (const lng of LANGUAGES) {
        const mine = new Set(used(lng, base));
        // A plural's "one" form may say "one" instead of {{count}}.
        english.delete('count');
        mine.delete('count');
        expect([...mine].sort(), `${lng}/${ns}:${base}`).toEqual([...english].sort());
      }
    }
  });
});

// react-i18next's <Trans> parses tags as HTML: a void element (<link>, <br>…) keeps no
// words inside, so a link named <link> would render empty.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

describe.each(NAMESPACES)('tags in catalogue %s', (ns) => {
  it('are never HTML void elements, whose words <Trans> would drop', () => {
    for (const lng of LANGUAGES) {
      for (const [key, text] of catalogue(lng, ns)) {
        const tags = [...text.matchAll(/<\/?(\w+)\s*\/?>/g)].map((m) => m[1]!.toLowerCase());
        expect(tags.filter((tag) => VOID.has(tag)), `${lng}/${ns}:${key}`).toEqual([]);
      }
    }
  });
});

describe('the parity check itself', () => {
  it('notices a key that exists in one language only', () => {
    const en = baseKeys(leaves({ a: 'x', b: { c: 'y' } }));
    const es = baseKeys(leaves({ a: 'x' }));
    expect([...es.keys()]).not.toEqual([...en.keys()]);
  });

  it('reads variables, tags and nesting', () => {
    expect([...placeholders('Hi {{name}}, <b>see</b> $t(app:loading) {{count, number}}')].sort()).toEqual(['<b>', 'app:loading', 'count', 'name']);
  });

  it('knows Spanish and English need a one and an other form for counts', () => {
    expect([...neededCategories('es')].sort()).toEqual(['one', 'other']);
    expect([...neededCategories('en')].sort()).toEqual(['one', 'other']);
  });
});
