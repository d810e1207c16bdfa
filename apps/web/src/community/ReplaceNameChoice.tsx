import { FORMER_MEMBER } from './words.ts';

/**
 * Someone leaving (or removed) may have their name replaced in what stays behind:
 * the member chooses for themselves on leaving, a facilitator on removing them.
 */
export function ReplaceNameChoice({ whose, checked, onChange }: { whose: 'my' | 'their'; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      Replace {whose} name with “{FORMER_MEMBER}” in past convenings and document versions
    </label>
  );
}
