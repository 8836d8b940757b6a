// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PackManager } from '@/components/knowledge/PackManager';

afterEach(cleanup);

describe('PackManager', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const onImport = vi.fn();
    render(<PackManager shippedPacks={[]} userPacks={[]} disabledPackIds={[]} onImport={onImport} onRemove={() => undefined} onToggle={() => undefined} />);
    const huge = new File(['x'], 'huge.md');
    Object.defineProperty(huge, 'size', { value: 50 * 1024 * 1024 });
    const text = vi.spyOn(huge, 'text');
    fireEvent.change(screen.getByLabelText('Import a Markdown or JSON pack'), { target: { files: [huge] } });

    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/huge\.md: the file is larger than 20 MB.*Nothing was changed/));
    expect(text).not.toHaveBeenCalled();
    expect(onImport).not.toHaveBeenCalled();
  });

  it('says how many questions a good file brought in', async () => {
    const onImport = vi.fn(() => ({ ok: true as const, pack: { id: 'p', title: 'P', entries: [] } }));
    render(<PackManager shippedPacks={[]} userPacks={[]} disabledPackIds={[]} onImport={onImport} onRemove={() => undefined} onToggle={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Import a Markdown or JSON pack'), { target: { files: [new File(['## Q?\n- a'], 'mine.md')] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported 0 questions from mine.md.'));
    expect(onImport).toHaveBeenCalledWith('mine.md', '## Q?\n- a');
  });
});
