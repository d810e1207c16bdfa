import type { Catalogue } from './resources.ts';

// Keys are checked at compile time: `t('live:ouch')` with a key missing from the English
// catalogue is a type error, in the web app and on the server alike.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: Catalogue;
  }
}
