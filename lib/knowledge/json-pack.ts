import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { buildPack, packIdFrom, type DraftEntry } from './build-pack';
import { parseFrameText } from './default-frames';
import { PackError } from './pack-error';
import type { KnowledgePack } from './schema';

const JSON_PACK_FORMAT = 'cuecard-pack';
const JSON_PACK_VERSION = 1;

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse does not say where; jsonc-parser (strict options) does.
    const errors: ParseError[] = [];
    parseLenient(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (!first) throw new PackError('not valid JSON');
    throw new PackError(`not valid JSON (${printParseErrorCode(first.error)})`, {
      line: lineOfOffset(text, first.offset),
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lets a hand-written pack give the frame as text ("STAR", "A → B → C"). */
function draftFrom(raw: unknown, field: string): DraftEntry {
  if (!isRecord(raw)) throw new PackError('each entry must be an object', { field });
  const outline = isRecord(raw.outline) ? { ...raw.outline } : raw.outline;
  if (isRecord(outline) && typeof outline.frame === 'string') {
    const frame = parseFrameText(outline.frame);
    if (!frame)
      throw new PackError(`frame "${outline.frame}" is not a known frame or a list of steps`, {
        field: `${field}.outline.frame`,
      });
    outline.frame = frame;
  }
  return { ...raw, outline } as DraftEntry;
}

/**
 * Parses a JSON pack: either {"format":"cuecard-pack","version":1,"id","title","entries":[…]}
 * or a bare array of entries. Throws PackError naming the field, e.g. "entries[3].question".
 */
export function parseJsonPack(text: string, options: { fileName?: string; id?: string } = {}): KnowledgePack {
  const data = parseJson(text.replace(/^\uFEFF/, ''));
  let entries: unknown;
  let title: string | undefined;
  let id: string | undefined;
  let aliases: unknown;
  if (Array.isArray(data)) {
    entries = data;
  } else if (isRecord(data)) {
    if (data.format !== undefined && data.format !== JSON_PACK_FORMAT) {
      throw new PackError(`unknown format ${JSON.stringify(data.format)}, expected "${JSON_PACK_FORMAT}"`, {
        field: 'format',
      });
    }
    if (data.version !== undefined && data.version !== JSON_PACK_VERSION) {
      throw new PackError(
        `pack version ${JSON.stringify(data.version)} is newer than this Cuecard understands (${JSON_PACK_VERSION})`,
        { field: 'version' },
      );
    }
    entries = data.entries;
    title = typeof data.title === 'string' ? data.title : undefined;
    id = typeof data.id === 'string' ? data.id : undefined;
    aliases = data.aliases;
  } else {
    throw new PackError('expected a pack object or an array of entries');
  }
  if (!Array.isArray(entries)) throw new PackError('expected an array of entries', { field: 'entries' });
  if (entries.length === 0) throw new PackError('the pack has no entries', { field: 'entries' });

  const fallbackName = (options.fileName ?? 'imported-pack').replace(/\.json$/i, '');
  return buildPack(
    { id: options.id ?? id ?? packIdFrom(title ?? fallbackName), title: title ?? fallbackName, aliases },
    entries.map((raw, index) => ({
      draft: draftFrom(raw, `entries[${index}]`),
      position: { fieldPrefix: `entries[${index}]` },
    })),
  );
}

/** Serialises a pack in the JSON format parseJsonPack reads. */
export function toJsonPack(pack: KnowledgePack): string {
  return `${JSON.stringify({ format: JSON_PACK_FORMAT, version: JSON_PACK_VERSION, ...pack }, null, 2)}\n`;
}
