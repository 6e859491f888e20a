/**
 * The CSV dialects threadstance writes, as csv-stringify options, and the formula escape that the
 * `excel` dialect applies (with its exact inverse, for reading a reviewed file back).
 */
import type { Options } from 'csv-stringify';

/** `excel` (the default) is for people with a spreadsheet; `rfc4180` is for programs. */
export const CSV_DIALECTS = ['excel', 'rfc4180'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (with the
 * full-width forms csv-stringify also escapes).
 */
const TRIGGER = '=+\\-@\\t\\r\uFF1D\uFF0B\uFF0D\uFF20';
/** A text that is its own escape's output: apostrophes then a trigger. Such a text gets one more apostrophe. */
const APOSTROPHES_THEN_TRIGGER = new RegExp(`^'+[${TRIGGER}]`);
/** A plain decimal number written as text (e.g. a passthrough column "-5"): a spreadsheet reads it as that number, never as a formula. */
const PLAIN_NUMBER = /^-\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** White space as a regular expression's `\s` means it. */
const SPACE = /\s/;

/** Whether a character code is white space; printable ASCII, the common case, is answered without a regular expression. */
function isSpace(code: number): boolean {
  if (code > 32 && code < 127) return false;
  return SPACE.test(String.fromCharCode(code));
}

/**
 * Whether a cell starts or ends with white space, which a spreadsheet would trim unless quoted.
 * Tested here rather than with csv-stringify's `quoted_match` (a regular expression such as
 * /^\s|\s$/ searches the whole cell: about a third of the time to write a wide row).
 */
function edgeSpace(value: string): boolean {
  return value.length > 0 && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1)));
}

/** A string cell of the `rfc4180` dialect: quoted when it starts or ends with white space. */
function castPlain(value: string): string | { value: string; quoted: boolean } {
  return edgeSpace(value) ? { value, quoted: true } : value;
}

/**
 * A string cell of the `excel` dialect, quoted as in `rfc4180`, with the formula escape applied before
 * csv-stringify's own `escape_formulas` (which prefixes `'` to a cell starting with = + - @ tab or CR).
 * A text that already starts with apostrophes and a trigger gets one more apostrophe, so that
 * `unescapeCell` is the exact inverse for every text.
 */
function castExcel(text: string): string | { value: string; quoted?: boolean; escape_formulas?: boolean } {
  if (PLAIN_NUMBER.test(text)) return { value: text, escape_formulas: false };
  const value = APOSTROPHES_THEN_TRIGGER.test(text) ? `'${text}` : text;
  return edgeSpace(value) ? { value, quoted: true } : value;
}

/** Removes the formula escape of the `excel` dialect: one leading `'` before apostrophes and a trigger. */
export function unescapeCell(cell: string): string {
  return APOSTROPHES_THEN_TRIGGER.test(cell) ? cell.slice(1) : cell;
}

/** csv-stringify options of a dialect; cells with leading or trailing white space are quoted in both. */
export function stringifyOptions(dialect: CsvDialect): Options {
  if (dialect === 'rfc4180') return { quote_record_delimiter: true, bom: false, record_delimiter: 'unix', escape_formulas: false, cast: { string: castPlain } };
  return { quote_record_delimiter: true, bom: true, record_delimiter: 'windows', escape_formulas: true, cast: { string: castExcel } };
}
