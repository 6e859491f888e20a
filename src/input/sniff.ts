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

/** The first non-blank line parsed as a JSON object, for JSON Lines sniffing; undefined when it is not one. */
export function firstJsonLine(text: string): Record<string, unknown> | undefined {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '');
  if (!line) return undefined;
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
