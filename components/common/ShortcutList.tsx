import { SHORTCUTS } from '@/lib/hints/panel-shortcuts';

/** Every keyboard shortcut of the panel, as a definition list. */
export function ShortcutList() {
  return (
    <dl className="shortcuts">
      {SHORTCUTS.map((shortcut) => (
        <div key={shortcut.keys}>
          <dt>
            <kbd>{shortcut.keys}</kbd>
          </dt>
          <dd>{shortcut.does}</dd>
        </div>
      ))}
    </dl>
  );
}
