import { useTranslation } from 'react-i18next';
import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState } from 'react';
import { LIMITS } from '@brave/protocol';
import { useConvening } from '../live/context.ts';
import { useCommand } from '../live/useCommand.ts';
import { RadioList } from './RadioList.tsx';

/**
 * Quietly ask the facilitators to bring an agreement back to the room. It reaches their
 * queue only; the asker may also keep their name from them.
 */
export function ReminderRequestDialog({ onSent }: { onSent: () => void }) {
  const { state } = useConvening();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [agreementId, setAgreementId] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const { send, pending, error, clearError } = useCommand();
  const { t } = useTranslation('live');

  const submit = async () => {
    if (!agreementId) return;
    const trimmed = note.trim();
    const result = await send({ type: 'reminder.request', agreementId, anonymous, ...(trimmed ? { note: trimmed } : {}) });
    if (result.ok) {
      setOpen(false);
      setAgreementId(undefined);
      setNote('');
      setAnonymous(false);
      onSent();
    }
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        clearError();
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" className="button quiet">
          {t('reminder.open')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{t('reminder.title')}</Dialog.Title>
          <Dialog.Description className="muted">{t('reminder.description')}</Dialog.Description>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <RadioList
              legend={t('reminder.which')}
              value={agreementId}
              onChange={setAgreementId}
              options={state.agreements.map((a) => ({ value: a.id, label: a.text }))}
              className="dialog-scroll"
            />
            <div className="field">
              <label htmlFor={`${id}-note`}>{t('reminder.note')}</label>
              <textarea id={`${id}-note`} rows={2} maxLength={LIMITS.noteMax} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <label className="check">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
              {t('reminder.anonymous')}
            </label>
            {error && (
              <p className="gentle-note" role="alert">
                {error.message}
              </p>
            )}
            <div className="actions">
              <Dialog.Close asChild>
                <button type="button" className="button quiet">
                  {t('reminder.cancel')}
                </button>
              </Dialog.Close>
              <button type="submit" className="button primary" disabled={!agreementId || pending}>
                {t('reminder.send')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
