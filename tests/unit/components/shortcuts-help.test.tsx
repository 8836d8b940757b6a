// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortcutsHelp } from '@/components/common/ShortcutsHelp';
import { SHORTCUTS } from '@/lib/hints/panel-shortcuts';

afterEach(cleanup);

describe('ShortcutsHelp', () => {
  it('lists every shortcut, takes focus, closes on Esc and gives focus back', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const onClose = vi.fn();
    const { unmount } = render(<ShortcutsHelp onClose={onClose} />);

    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getAllByRole('term').map((term) => term.textContent)).toEqual(SHORTCUTS.map((shortcut) => shortcut.keys.replace(/\s+\/\s+/g, ' / ')));
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
