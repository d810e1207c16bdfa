import type { DocAccess, DocKind } from '@brave/protocol';
import { formatDate } from '@brave/i18n';
import { currentLanguage, i18n } from '../app/i18n.ts';

// The notes screens' words (notes namespace), read in the current language each time
// they are read: use them while rendering or when the moment happens, not at module load.

export const ACCESS_LABEL: Readonly<Record<DocAccess, string>> = {
  get write() {
    return i18n.t('notes:access.write');
  },
  get read() {
    return i18n.t('notes:access.read');
  },
};

const KINDS: readonly DocKind[] = ['toolkit', 'plenary', 'room', 'caucus'];
export const KIND_HINT: Readonly<Record<DocKind, string>> = Object.defineProperties(
  {} as Record<DocKind, string>,
  Object.fromEntries(KINDS.map((k) => [k, { get: () => i18n.t(`notes:kindHint.${k}`), enumerable: true }])),
);

export const whenSaved = (at: number): string => formatDate(currentLanguage(), at, 'dateTime');

/** What the editor says about the copy kept on this device (notes/local.ts, CollabStatus). */
export const LOCAL_WORDS = {
  get notShared() {
    return i18n.t('notes:local.notShared');
  },
  get shared() {
    return i18n.t('notes:local.shared');
  },
  get discarded() {
    return i18n.t('notes:local.discarded');
  },
  get tooLargeKept() {
    return i18n.t('notes:local.tooLargeKept');
  },
  get tooLargeNow() {
    return i18n.t('notes:local.tooLargeNow');
  },
};
