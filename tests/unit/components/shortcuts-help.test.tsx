// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortcutsHelp } from '@/components/common/ShortcutsHelp';
import { SHORTCUTS } from '@/lib/card/panel-shortcuts';

afterEach(cleanup);

describe('ShortcutsHelp', () => {
  it('lists every shortcut, takes focus, closes on Esc and gives focus back', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const onClose = vi.fn();
    const { unmount } = render(<ShortcutsHelp onClose={onClose} />);

    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(
      within(dialog)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(SHORTCUTS.map((shortcut) => shortcut.keys.replace(/\s+\/\s+/g, ' / ')));
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it('keeps focus inside: Tab and Shift+Tab go round its controls and never leave it', () => {
    render(<ShortcutsHelp onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const shiftKey of [false, true, false]) {
      const tab = fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey });
      expect(tab).toBe(false); // default prevented: the browser does not move focus out
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it('closes on Esc even after a click took focus out, and gives focus back to the button that opens it', () => {
    const helpButton = document.createElement('button');
    const elsewhere = document.createElement('button');
    document.body.append(helpButton, elsewhere);
    const onClose = vi.fn();
    const { unmount } = render(<ShortcutsHelp onClose={onClose} returnFocusTo={{ current: helpButton }} />);
    elsewhere.focus();
    fireEvent.keyDown(elsewhere, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
    expect(document.activeElement).toBe(helpButton);
    helpButton.remove();
    elsewhere.remove();
  });
});
