import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '@brave/i18n';
import { chooseLanguage, currentLanguage } from '../app/i18n.ts';

/**
 * A plain labelled select: every keyboard and screen reader knows it. Each language is
 * named in itself (and marked with its lang) so a reader finds their own.
 */
export function LanguagePicker() {
  const { t } = useTranslation('app');
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(e) => {
          if (isLanguage(e.target.value)) chooseLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {LANGUAGE_NAMES[lng]}
          </option>
        ))}
      </select>
    </div>
  );
}
