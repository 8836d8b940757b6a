import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureRandomMiniLm } from '../../../scripts/generated-models';

const evalMatch = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-match.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
const sre = ['--kb', 'tests/fixtures/dev/sre/pack.md', '--cases', 'tests/fixtures/dev/sre/cases.jsonl', '--quiet'];
const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
const withoutTimings = ({ p50Ms: _p50, p95Ms: _p95, indexBuildMs: _build, ...figures }: Record<string, unknown>) =>
  figures;

beforeAll(() => void ensureRandomMiniLm(), 300_000);

describe('npm run eval:match -- --semantic DIR', { timeout: 120_000 }, () => {
  it('runs the semantic stage with a local model folder and reports its calibration', () => {
    const lexical = evalMatch(sre);
    const semantic = evalMatch([...sre, '--semantic', ensureRandomMiniLm()]);
    expect(semantic.status).toBe(0);
    const lines = semantic.stdout.trim().split('\n');
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({
      semantic: 'all-MiniLM-L6-v2-random@q8',
      usable: false,
      decisions: { abstain: 86 },
    });
    // Random weights: the stage abstains, so every figure is the lexical matcher's.
    expect(withoutTimings(lastLine(semantic.stdout))).toEqual(withoutTimings(lastLine(lexical.stdout)));
  });

  it('refuses a folder that holds no model, saying what it expected', () => {
    const result = evalMatch([...sre, '--semantic', mkdtempSync(join(tmpdir(), 'cuecard-no-model-'))]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('expected tokenizer.json and onnx/model_quantized.onnx');
  });
});
