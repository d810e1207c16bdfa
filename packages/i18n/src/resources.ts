// Every catalogue, per language and namespace. To add a namespace: write
// locales/en/<ns>.json and locales/es/<ns>.json, import both below and add them to
// `resources` (see README.md). The parity test reads this object, so a namespace missing
// here is a namespace nobody checks.
import enAccount from './locales/en/account.json' with { type: 'json' };
import esAccount from './locales/es/account.json' with { type: 'json' };
import enApp from './locales/en/app.json' with { type: 'json' };
import esApp from './locales/es/app.json' with { type: 'json' };
import enBreakouts from './locales/en/breakouts.json' with { type: 'json' };
import esBreakouts from './locales/es/breakouts.json' with { type: 'json' };
import enCommunity from './locales/en/community.json' with { type: 'json' };
import esCommunity from './locales/es/community.json' with { type: 'json' };
import enFloor from './locales/en/floor.json' with { type: 'json' };
import esFloor from './locales/es/floor.json' with { type: 'json' };
import enHost from './locales/en/host.json' with { type: 'json' };
import esHost from './locales/es/host.json' with { type: 'json' };
import enLive from './locales/en/live.json' with { type: 'json' };
import esLive from './locales/es/live.json' with { type: 'json' };
import enMail from './locales/en/mail.json' with { type: 'json' };
import esMail from './locales/es/mail.json' with { type: 'json' };
import enNotes from './locales/en/notes.json' with { type: 'json' };
import esNotes from './locales/es/notes.json' with { type: 'json' };
import enStart from './locales/en/start.json' with { type: 'json' };
import esStart from './locales/es/start.json' with { type: 'json' };
import enShow from './locales/en/show.json' with { type: 'json' };
import esShow from './locales/es/show.json' with { type: 'json' };
import enServer from './locales/en/server.json' with { type: 'json' };
import esServer from './locales/es/server.json' with { type: 'json' };

export const resources = {
  en: {
    account: enAccount,
    app: enApp,
    breakouts: enBreakouts,
    community: enCommunity,
    floor: enFloor,
    host: enHost,
    live: enLive,
    mail: enMail,
    notes: enNotes,
    server: enServer,
    show: enShow,
    start: enStart,
  },
  es: {
    account: esAccount,
    app: esApp,
    breakouts: esBreakouts,
    community: esCommunity,
    floor: esFloor,
    host: esHost,
    live: esLive,
    mail: esMail,
    notes: esNotes,
    server: esServer,
    show: esShow,
    start: esStart,
  },
} as const;

/** The English catalogue is the shape every other language must match. */
export type Catalogue = (typeof resources)['en'];
export type Namespace = keyof Catalogue;
export const NAMESPACES = Object.keys(resources.en) as Namespace[];
