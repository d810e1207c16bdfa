import { useTranslation } from 'react-i18next';
import { useId, useRef, useState } from 'react';

/** A read-only link with a Copy button; says so (politely) when it worked. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const { t } = useTranslation('host');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard permission (or not a secure context): select it for a manual copy.
      input.current?.select();
      setCopied('select');
    }
  };

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="inline-field">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          onFocus={(e) => e.target.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <button type="button" className="button" onClick={() => void copy()} aria-label={t('copy.label', { what: label.toLowerCase() })}>
          {t('copy.button')}
        </button>
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <p className="hint" role="status">
        {copied === 'yes' ? t('copy.copied') : copied === 'select' ? t('copy.select') : ''}
      </p>
    </div>
  );
}
