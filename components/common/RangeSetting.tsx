import type { ReactNode } from 'react';

/** A setting chosen on a slider, its label saying the value and what it means. */
export function RangeSetting({
  children,
  min,
  max,
  step,
  value,
  onChange,
}: {
  children: ReactNode;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <label>
      {children}
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </label>
  );
}
