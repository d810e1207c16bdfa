import * as RadioGroup from '@radix-ui/react-radio-group';
import { useId } from 'react';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

/**
 * A labelled radio group on Radix (arrow keys move, one tab stop), each option with an
 * optional hint read as its description.
 */
export function RadioList<V extends string>({
  legend,
  options,
  value,
  onChange,
  className = '',
}: {
  legend: string;
  options: readonly RadioOption<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  className?: string;
}) {
  const base = useId();
  return (
    <div className={`radio-list ${className}`}>
      <p className="field-label" id={`${base}-legend`}>
        {legend}
      </p>
      <RadioGroup.Root
        aria-labelledby={`${base}-legend`}
        value={value ?? ''}
        onValueChange={(v) => onChange(v as V)}
        className="radio-options"
      >
        {options.map((o, i) => (
          <div className="radio-option" key={o.value}>
            <RadioGroup.Item
              value={o.value}
              id={`${base}-${i}`}
              className="radio"
              aria-describedby={o.hint ? `${base}-${i}-hint` : undefined}
            >
              <RadioGroup.Indicator className="radio-dot" />
            </RadioGroup.Item>
            <div className="radio-text">
              <label htmlFor={`${base}-${i}`} className="radio-title">
                {o.label}
              </label>
              {o.hint && (
                <span className="radio-hint" id={`${base}-${i}-hint`}>
                  {o.hint}
                </span>
              )}
            </div>
          </div>
        ))}
      </RadioGroup.Root>
    </div>
  );
}
