import { RangeSetting } from '../common/RangeSetting';
import { ShortcutList } from '../common/ShortcutList';

interface DisplaySettingsProps {
  theme: 'system' | 'light' | 'dark';
  fontScale: number;
  matchThreshold: number;
  onTheme: (theme: 'system' | 'light' | 'dark') => void;
  onFontScale: (scale: number) => void;
  onMatchThreshold: (threshold: number) => void;
}

/** Look of the panel, how readily hints appear, and the keyboard shortcuts. */
export function DisplaySettings(props: DisplaySettingsProps) {
  return (
    <section className="settings" aria-label="Display settings">
      <h2>Display and cards</h2>
      <label>
        Theme
        <select
          value={props.theme}
          onChange={(event) => props.onTheme(event.target.value as DisplaySettingsProps['theme'])}
        >
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <RangeSetting min={0.8} max={1.6} step={0.1} value={props.fontScale} onChange={props.onFontScale}>
        Text size: {Math.round(props.fontScale * 100)}%
      </RangeSetting>
      <RangeSetting min={0.3} max={0.8} step={0.05} value={props.matchThreshold} onChange={props.onMatchThreshold}>
        Match sensitivity: cards need {Math.round(props.matchThreshold * 100)}% confidence (lower shows more, and more
        wrong ones)
      </RangeSetting>
      <h3>Keyboard shortcuts</h3>
      <ShortcutList />
    </section>
  );
}
