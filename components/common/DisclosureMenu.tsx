import { useRef, useState, type ReactNode } from 'react';

/**
 * A button that opens a panel of less frequent actions below it (a disclosure: native
 * details/summary, so keyboard and screen readers get it for free). Esc closes it and
 * gives focus back to the button.
 */
export function DisclosureMenu({
  label,
  children,
  defaultOpen = false,
}: {
  label: string;
  children: ReactNode;
  /** Open when first shown. */ defaultOpen?: boolean;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  // Read once: afterwards the user opens and closes it (the review it was opened for may end while it stays open).
  const [openAtFirst] = useState(defaultOpen);
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Esc from any control inside closes the menu (delegation)
    <details
      ref={details}
      className="disclosure-menu"
      open={openAtFirst || undefined}
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
