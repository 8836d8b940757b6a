// Reports source files over 250 lines and functions over 80 lines (issue #24's limits), so a
// reviewer sees the figures a change moves. A file or function may stay over the limit only when a
// comment `size: <reason>` on or just above it says why; `--check` fails on any other.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const FILE_LIMIT = 250;
const FUNCTION_LIMIT = 80;
const ROOTS = ['lib', 'components', 'entrypoints'];

interface Finding {
  where: string;
  lines: number;
  reason?: string;
}

function reasonNear(text: string, lineIndex: number): string | undefined {
  const lines = text.split('\n');
  for (let i = lineIndex; i >= Math.max(0, lineIndex - 3); i--) {
    const found = /size:\s*(.+?)\s*(\*\/)?$/.exec(lines[i] ?? '');
    if (found) return found[1];
  }
  return undefined;
}

function functionName(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) {
    return node.name.getText();
  }
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

export function measure(files: string[]): {
  files: Finding[];
  functions: Finding[];
  totals: { files: number; lines: number };
} {
  const longFiles: Finding[] = [];
  const longFunctions: Finding[] = [];
  let totalLines = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lineCount = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    totalLines += lineCount;
    if (lineCount > FILE_LIMIT) {
      longFiles.push({
        where: file,
        lines: lineCount,
        reason: /^\s*(\/\/|\/\*).*size:/m.test(text.split('\n').slice(0, 5).join('\n'))
          ? reasonNear(text, 4)
          : undefined,
      });
    }
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const length = end - start + 1;
        if (length > FUNCTION_LIMIT) {
          longFunctions.push({
            where: `${file}:${start + 1} ${functionName(node)}`,
            lines: length,
            reason: reasonNear(text, start),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { files: longFiles, functions: longFunctions, totals: { files: files.length, lines: totalLines } };
}

const files = ROOTS.flatMap((root) =>
  readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => join(root, f)),
)
  .filter((f) => /\.tsx?$/.test(f) && !f.includes('/generated/'))
  .sort();
const report = measure(files);
const show = (title: string, list: Finding[], limit: number) => {
  console.log(`${title} over ${limit} lines: ${list.length}`);
  for (const f of [...list].sort((a, b) => b.lines - a.lines)) {
    console.log(`  ${String(f.lines).padStart(4)}  ${f.where}${f.reason ? `  (size: ${f.reason})` : ''}`);
  }
};
console.log(`${report.totals.files} source files, ${report.totals.lines} lines (lib, components, entrypoints)`);
show('files', report.files, FILE_LIMIT);
show('functions', report.functions, FUNCTION_LIMIT);
const unexplained = [...report.files, ...report.functions].filter((f) => !f.reason);
console.log(`without a stated reason: ${unexplained.length}`);
if (process.argv.includes('--check') && unexplained.length > 0) process.exit(1);
