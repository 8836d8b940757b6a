import { SHORTCUTS } from '@/lib/card/panel-shortcuts';

/** Every keyboard shortcut of the panel, as a definition list. */
export function ShortcutList() {
  return (
    <dl className="shortcuts">
      {SHORTCUTS.map((shortcut) => (
        <div key={shortcut.keys}>
          {/* Each key unbroken; a line may break between them. */}
          <dt>
            {shortcut.keys.split(/\s+\/\s+/).map((key, i) => (
              <span key={key}>
                {i > 0 && ' / '}
                <kbd>{key}</kbd>
              </span>
            ))}
          </dt>
          <dd>{shortcut.does}</dd>
        </div>
      ))}
    </dl>
  );
}
