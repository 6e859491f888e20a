/** Sniffing helpers shared by the platform adapters: JSON shape tests that also recognise a truncated file. */
import { isObject } from './thread.js';

// Sniffing tries every adapter on the same text: parse it once.
let lastText: string | undefined;
let lastValue: unknown;
let lastOk = false;

/** The text parsed as JSON, or undefined when it is not (one cached parse per text). */
export function jsonValue(text: string): { ok: boolean; value: unknown } {
  if (text !== lastText) {
    lastText = text;
    try {
      lastValue = JSON.parse(text.replace(/^\uFEFF/, ''));
      lastOk = true;
    } catch {
      lastValue = undefined;
      lastOk = false;
    }
  }
  return { ok: lastOk, value: lastValue };
}

/** Lets go of the cached text and value (a whole input file can be hundreds of megabytes): call once its format is settled. */
export function forgetParsed(): void {
  lastText = undefined;
  lastValue = undefined;
  lastOk = false;
}

/**
 * True when the text is JSON of the shape `test` accepts; when it is not valid JSON (a truncated
 * save), true when it starts like JSON and its first 64 KB match `key`, so that the adapter's own
 * reader can say where it breaks.
 */
export function sniffJsonShape(text: string, test: (value: unknown) => boolean, key: RegExp): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) return false;
  const { ok, value } = jsonValue(text);
  if (ok) return test(value);
  return key.test(start.slice(0, 65536));
}

/** How much of a text the sniffing of JSON Lines reads past a damaged first line. */
const LOOK = 65536;

/**
 * The first record of JSON Lines text, for sniffing: the first non-blank line parsed as a JSON object.
 * When that line is damaged (a dump cut at a byte rather than at a line end starts inside a record),
 * the next line, provided every complete line after it in the first 64 KB is a JSON object too: a JSON
 * document spread over lines has lines that are none (`[`, `"key": …,`, `}`), so it is not taken for
 * JSON Lines this way. Undefined when neither holds.
 */
export function firstJsonLine(text: string): Record<string, unknown> | undefined {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.search(/\S/);
  if (start < 0) return undefined;
  const end = body.indexOf('\n', start);
  const first = objectOf(body.slice(start, end < 0 ? undefined : end));
  if (first || end < 0) return first;
  const rest = body.slice(end + 1, end + 1 + LOOK);
  const lines = rest.split('\n');
  // The last line may be cut where the text or the look ends; it is not judged.
  if (end + 1 + LOOK < body.length || !body.endsWith('\n')) lines.pop();
  let found: Record<string, unknown> | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const value = objectOf(line);
    if (!value) return undefined;
    found ??= value;
  }
  return found;
}

function objectOf(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A short description of a JSON value for error messages. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isObject(value)) return `an object with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}`;
  return value === null ? 'null' : `a ${typeof value}`;
}
