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

/**
 * The escape, applied per string cell before csv-stringify's own `escape_formulas` (which prefixes
 * `'` to a cell starting with = + - @ tab or CR). A text that already starts with apostrophes and a
 * trigger gets one more apostrophe, so that `unescapeCell` is the exact inverse for every text.
 */
function castString(value: string): string | { value: string; escape_formulas: boolean } {
  if (APOSTROPHES_THEN_TRIGGER.test(value)) return `'${value}`;
  if (PLAIN_NUMBER.test(value)) return { value, escape_formulas: false };
  return value;
}

/** Removes the formula escape of the `excel` dialect: one leading `'` before apostrophes and a trigger. */
export function unescapeCell(cell: string): string {
  return APOSTROPHES_THEN_TRIGGER.test(cell) ? cell.slice(1) : cell;
}

/** csv-stringify options of a dialect; cells with leading or trailing white space are quoted in both. */
export function stringifyOptions(dialect: CsvDialect): Options {
  const common: Options = { quoted_match: /^\s|\s$/, quote_record_delimiter: true };
  if (dialect === 'rfc4180') return { ...common, bom: false, record_delimiter: 'unix', escape_formulas: false };
  return { ...common, bom: true, record_delimiter: 'windows', escape_formulas: true, cast: { string: castString } };
}
