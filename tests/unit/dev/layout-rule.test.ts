import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === join('lib', 'dev') ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('layout rule: lib/dev is for development only', () => {
  it('no file the extension ships imports lib/dev', () => {
    const offenders = ['lib', 'components', 'entrypoints']
      .flatMap(sourceFiles)
      .filter((path) => /from ['"](?:@\/lib\/dev\/|(?:\.\.?\/)+(?:lib\/)?dev\/)/.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
