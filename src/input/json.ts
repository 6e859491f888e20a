/**
 * JSON for platform adapters: a reader that remembers the line where every object and array
 * starts (so a comment and a skipped record can name their line), and errors that say where a
 * malformed or truncated file goes wrong, with the JSON path of the value being read.
 */
import { ThreadstanceError } from '../errors.js';
import { shortPath, type Key } from './json-path.js';

export { jsonPath } from './json-path.js';

/** A parsed JSON document and the 1-based line where each of its objects and arrays starts. */
export interface LocatedJson {
  value: unknown;
  /** Line where an object or array starts (1 for anything else). */
  lineOf(node: unknown): number;
  /** Line where the value at `array[index]` starts, whatever its type. */
  lineAt(array: unknown[], index: number): number;
}

/** Parses `text` as one JSON value; a syntax error or an early end names line, column and JSON path. */
export function parseLocatedJson(text: string, file: string): LocatedJson {
  const reader = new Reader(text.replace(/^\uFEFF/, ''), file);
  const value = reader.document();
  const { lines, itemLines } = reader;
  return {
    value,
    lineOf: (node) => (node !== null && typeof node === 'object' ? (lines.get(node) ?? 1) : 1),
    lineAt: (array, index) => itemLines.get(array)?.[index] ?? lines.get(array) ?? 1,
  };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A container being read: an object waiting for the value of `key`, or an array. */
type Frame = { kind: 'object'; node: Record<string, unknown>; key: string } | { kind: 'array'; node: unknown[]; lines: number[] };

/** Sets a key as JSON.parse does: "__proto__" becomes an own property, not the object's prototype. */
function setKey(node: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
  else node[key] = value;
}

class Reader {
  readonly lines = new WeakMap<object, number>();
  readonly itemLines = new WeakMap<unknown[], number[]>();
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private readonly path: Key[] = [];
  /** Containers being read, for the message when the text ends inside one. */
  private readonly open: { kind: 'object' | 'array'; line: number; column: number }[] = [];

  constructor(
    private readonly s: string,
    private readonly file: string,
    /** What the text is, for messages: a whole file, or one line of JSON Lines. */
    private readonly unit: 'file' | 'line' = 'file',
  ) {}

  document(): unknown {
    this.space();
    if (this.i >= this.s.length) this.fail('expected a JSON value, found nothing');
    const value = this.value();
    this.space();
    if (this.i < this.s.length) this.fail(`expected the end of the JSON document, found ${this.found()}; is it JSON Lines (one object per line)?`);
    return value;
  }

  /**
   * One value, read with a stack of open containers instead of recursion, so that a reply chain
   * nested 50,000 levels deep (a Reddit or Hacker News thread) cannot overflow the call stack.
   */
  private value(): unknown {
    const frames: Frame[] = [];
    for (;;) {
      let done: unknown;
      const c = this.s[this.i];
      if (c === '{') {
        const node: Record<string, unknown> = {};
        this.enter('object', node);
        this.space();
        if (this.s[this.i] === '}') done = this.leave(node);
        else {
          frames.push({ kind: 'object', node, key: this.key() });
          continue;
        }
      } else if (c === '[') {
        const node: unknown[] = [];
        const lines: number[] = [];
        this.itemLines.set(node, lines);
        this.enter('array', node);
        this.space();
        if (this.s[this.i] === ']') done = this.leave(node);
        else {
          frames.push({ kind: 'array', node, lines });
          this.path.push(0);
          lines.push(this.line);
          continue;
        }
      } else done = this.scalar();
      // A value is complete: hand it to the containers it closes, until one expects another value.
      for (;;) {
        const top = frames.at(-1);
        if (!top) return done;
        this.path.pop();
        this.space();
        const next = this.s[this.i];
        if (top.kind === 'object') {
          setKey(top.node, top.key, done);
          if (next === ',') {
            this.i++;
            top.key = this.key();
            break;
          }
          if (next !== '}') this.fail(`expected "," or "}" after the value of "${top.key}", found ${this.found()}`);
        } else {
          top.node.push(done);
          if (next === ',') {
            this.i++;
            this.space();
            this.path.push(top.node.length);
            top.lines.push(this.line);
            break;
          }
          if (next !== ']') this.fail(`expected "," or "]" after item ${top.node.length - 1}, found ${this.found()}`);
        }
        done = this.leave(top.node);
        frames.pop();
      }
    }
  }

  /** A quoted key and its colon; leaves the key on the path for messages about its value. */
  private key(): string {
    this.space();
    if (this.s[this.i] !== '"') this.fail(`expected a quoted key, found ${this.found()}`);
    const key = this.string();
    this.space();
    if (this.s[this.i] !== ':') this.fail(`expected ":" after the key "${key}", found ${this.found()}`);
    this.i++;
    this.space();
    this.path.push(key);
    return key;
  }

  private scalar(): unknown {
    const c = this.s[this.i];
    if (c === '"') return this.string();
    if (c === 't' && this.s.startsWith('true', this.i)) return this.skip(4, true);
    if (c === 'f' && this.s.startsWith('false', this.i)) return this.skip(5, false);
    if (c === 'n' && this.s.startsWith('null', this.i)) return this.skip(4, null);
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (m) return this.skip(m[0].length, Number(m[0]));
    return this.fail(`expected a JSON value, found ${this.found()}`);
  }

  private string(): string {
    const start = this.i;
    let escaped = false;
    for (let j = start + 1; j < this.s.length; j++) {
      const code = this.s.charCodeAt(j);
      if (code === 0x5c) {
        escaped = true;
        j++;
      } else if (code === 0x22) {
        this.i = j + 1;
        const raw = this.s.slice(start, j + 1);
        if (!escaped) return raw.slice(1, -1);
        try {
          return JSON.parse(raw) as string;
        } catch {
          this.i = start;
          return this.fail('this string has an invalid escape sequence');
        }
      } else if (code < 0x20) {
        this.i = j;
        return this.fail('a line break or control character inside a string; it must be escaped');
      }
    }
    this.i = this.s.length;
    return this.fail('a string is never closed');
  }

  private enter(kind: 'object' | 'array', node: object): void {
    this.open.push({ kind, line: this.line, column: this.i - this.lineStart + 1 });
    this.lines.set(node, this.line);
    this.i++;
  }

  private leave<T>(node: T): T {
    this.open.pop();
    this.i++;
    return node;
  }

  private skip<T>(n: number, value: T): T {
    this.i += n;
    return value;
  }

  private space(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 0x0a) {
        this.line++;
        this.lineStart = this.i + 1;
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
      this.i++;
    }
  }

  private found(): string {
    if (this.i >= this.s.length) return 'the end of the file';
    return JSON.stringify(this.s.slice(this.i, this.i + 12));
  }

  private fail(message: string): never {
    const at = this.path.length ? ` (at ${shortPath(this.path)})` : '';
    let text = message;
    if (this.i >= this.s.length && this.open.length > 0) {
      const inner = this.open.at(-1)!;
      const outer = this.open[0]!;
      text =
        this.unit === 'line'
          ? `the line ends inside the ${inner.kind} opened at column ${inner.column}${at}; it looks cut short`
          : `the file ends inside the ${inner.kind} opened at line ${inner.line}, column ${inner.column}${at}; it looks truncated (the outermost ${outer.kind}, opened at line ${outer.line}, column ${outer.column}, is never closed). Save the whole response again`;
    } else text += at;
    throw new ThreadstanceError('INPUT_JSON', `invalid JSON: ${text}`, {
      file: this.file,
      line: this.line,
      column: this.i - this.lineStart + 1,
    });
  }
}

/** One parsed line of a JSON Lines file, or why it could not be read. */
export type JsonLine = { line: number; value: unknown } | { line: number; error: string; raw: string };

/** Splits JSON Lines text (BOM and CRLF tolerated, blank lines ignored) and parses each line on its own. */
export function readJsonLines(text: string): JsonLine[] {
  const out: JsonLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const entry = jsonLine(raw, i + 1);
      if (entry) out.push(entry);
    });
  return out;
}

/**
 * One line of JSON Lines read: its value, or why it is not JSON; undefined for a blank line. Without
 * `explain` a bad line's reason and record are left empty: working out where it goes wrong reads it
 * again, which a pass that keeps only the comments need not pay for.
 */
export function jsonLine(raw: string, line: number, explain = true): JsonLine | undefined {
  if (raw.trim() === '') return undefined;
  try {
    return { line, value: JSON.parse(raw) as unknown };
  } catch (err) {
    return explain ? { line, error: lineError(raw, err as Error), raw: raw.slice(0, 200) } : { line, error: '', raw: '' };
  }
}

/** Why one line is not JSON, with the column where it goes wrong (read again by the locating reader). */
function lineError(raw: string, err: Error): string {
  try {
    new Reader(raw, '', 'line').document();
  } catch (located) {
    if (located instanceof ThreadstanceError) return `${located.message} (column ${located.place.column})`;
  }
  return `invalid JSON: ${err.message}`;
}
