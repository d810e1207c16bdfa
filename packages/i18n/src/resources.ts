// Every catalogue, per language and namespace. To add a namespace: write
// locales/en/<ns>.json and locales/es/<ns>.json, import both below and add them to
// `resources` (see README.md). The parity test reads this object, so a namespace missing
// here is a namespace nobody checks.
import enApp from './locales/en/app.json' with { type: 'json' };
import esApp from './locales/es/app.json' with { type: 'json' };

export const resources = {
  en: { app: enApp },
  es: { app: esApp },
} as const;

/** The English catalogue is the shape every other language must match. */
export type Catalogue = (typeof resources)['en'];
export type Namespace = keyof Catalogue;
export const NAMESPACES = Object.keys(resources.en) as Namespace[];
