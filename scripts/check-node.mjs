// Says plainly when this Node is older than the tools need (package.json "engines") before npm or a
// tool fails in a confusing way. Plain JavaScript with no dependencies, so it runs before `npm ci`.
// Understands the two forms the range uses: "^A.B.C" (same major, at least A.B.C) and ">=A.B.C".
import { readFileSync } from 'node:fs';

const wanted = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const version = (text) =>
  text
    .replace(/^[\^>=\s]+/, '')
    .split('.')
    .map(Number);
const atLeast = ([a, b, c], [x, y, z]) => (a !== x ? a > x : b !== y ? b > y : c >= z);
const here = version(process.versions.node);
const ok = wanted.split('||').some((part) => {
  const floor = version(part.trim());
  return part.trim().startsWith('^') ? here[0] === floor[0] && atLeast(here, floor) : atLeast(here, floor);
});
if (!ok) {
  console.error(`Cuecard's tools need Node ${wanted}; this machine has ${process.versions.node}.`);
  console.error('Install a newer Node (your distribution, nodejs.org or a version manager), then run this again.');
  process.exit(1);
}
