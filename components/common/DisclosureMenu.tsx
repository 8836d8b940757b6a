import { useRef, type ReactNode } from 'react';

/**
 * A button that opens a panel of less frequent actions below it (a disclosure: native
 * details/summary, so keyboard and screen readers get it for free). Esc closes it and
 * gives focus back to the button.
 */
export function DisclosureMenu({ label, children }: { label: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details
      ref={details}
      className="disclosure-menu"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !details.current?.open) return;
        event.stopPropagation();
        details.current.open = false;
        details.current.querySelector('summary')?.focus();
      }}
    >
      <summary>{label}</summary>
      <div className="disclosure-menu-body">{children}</div>
    </details>
  );
}
