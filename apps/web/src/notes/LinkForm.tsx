import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';

/** Web and mail links only; "example.org/x" is read as https://example.org/x. */
export function normaliseHref(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(s)) return s;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Add, change or remove the link on the selected text. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const existing = editor.getAttributes('link').href as string | undefined;
  const [value, setValue] = useState(existing ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const { t } = useTranslation('notes');

  useEffect(() => input.current?.focus(), []);

  const done = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const href = normaliseHref(value);
    if (!href) {
      setProblem(t('link.invalid'));
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    // With nothing selected, the address itself becomes the linked text.
    // Then stop the link there, so the next words typed are not part of it.
    if (editor.state.selection.empty && !existing) chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).unsetMark('link').run();
    else chain.setLink({ href }).run();
    onClose();
  };

  return (
    <form
      className="link-form"
      aria-label={t('link.form')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          done();
        }
      }}
    >
      <label htmlFor={id}>{t('link.address')}</label>
      <div className="inline-field">
        <input
          id={id}
          ref={input}
          type="url"
          inputMode="url"
          value={value}
          maxLength={2000}
          placeholder={t('link.placeholder')}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" className="button small primary">
          {existing ? t('link.change') : t('link.add')}
        </button>
        {existing && (
          <button
            type="button"
            className="button small quiet"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose();
            }}
          >
            {t('link.remove')}
          </button>
        )}
        <button type="button" className="button small quiet" onClick={done}>
          {t('link.cancel')}
        </button>
      </div>
      {problem && (
        <p className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
