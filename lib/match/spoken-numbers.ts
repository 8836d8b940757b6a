const UNITS = new Map<string, number>(
  Object.entries({
    zero: 0,
    oh: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
  }),
);
const TENS = new Map<string, number>(
  Object.entries({
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);
const SCALES = new Map<string, number>(
  Object.entries({ hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 }),
);

function isNumberWord(token: string): boolean {
  return UNITS.has(token) || TENS.has(token) || SCALES.has(token);
}

/** Reads number words from tokens[start]; returns the value and how many tokens it used. */
function readNumber(tokens: readonly string[], start: number): { value: number; used: number } | null {
  let total = 0;
  let group = 0;
  let used = 0;
  let last: 'unit' | 'ten' | 'scale' | 'teen' | undefined;
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === 'and' && used > 0 && i + 1 < tokens.length && isNumberWord(tokens[i + 1]!) && last === 'scale') {
      used++;
      continue;
    }
    const ten = TENS.get(token);
    const unit = UNITS.get(token);
    const scale = SCALES.get(token);
    if (ten !== undefined) {
      if (last === 'unit' || last === 'ten' || last === 'teen') break; // "twenty thirty" is two numbers
      group += ten;
      last = 'ten';
    } else if (unit !== undefined) {
      // "oh" is a number only inside a number ("two oh one").
      if (token === 'oh' && used === 0) break;
      if (last === 'unit' || last === 'teen' || (last === 'ten' && unit >= 10)) break;
      group += unit;
      last = unit >= 10 ? 'teen' : 'unit';
    } else if (scale !== undefined) {
      if (used === 0 && scale > 1_000) break; // "million" alone is a word ("millions of rows"); "top hundred" is 100
      if (scale === 100) group = (group || 1) * 100;
      else {
        total += (group || 1) * scale;
        group = 0;
      }
      last = 'scale';
    } else break;
    used++;
  }
  if (used === 0) return null;
  return { value: total + group, used };
}

/**
 * Rewrites spoken numbers as digits so speech and written packs meet:
 * "ninety nine percent" → "99 percent", "two point five" → "2.5",
 * "fifty milliseconds" → "50 milliseconds".
 */
export function digitsFromSpokenNumbers(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const whole = readNumber(tokens, i);
    if (!whole) {
      out.push(tokens[i]!);
      i++;
      continue;
    }
    let text = String(whole.value);
    i += whole.used;
    if (tokens[i] === 'point' && i + 1 < tokens.length && UNITS.has(tokens[i + 1]!)) {
      let decimals = '';
      i++;
      for (let digit = UNITS.get(tokens[i]!); digit !== undefined && digit < 10; digit = UNITS.get(tokens[++i]!))
        decimals += String(digit);
      text += `.${decimals}`;
    }
    out.push(text);
  }
  return out;
}
