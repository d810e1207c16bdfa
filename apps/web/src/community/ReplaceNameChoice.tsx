import { useTranslation } from 'react-i18next';

/**
 * Someone leaving (or removed) may have their name replaced in what stays behind:
 * the member chooses for themselves on leaving, a facilitator on removing them.
 */
export function ReplaceNameChoice({ whose, checked, onChange }: { whose: 'my' | 'their'; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation('community');
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {whose === 'my' ? t('replaceName.my') : t('replaceName.their')}
    </label>
  );
}
