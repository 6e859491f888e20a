/** Exit statuses of the CLI: the README's table mirrors this. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** Where in the input an error or a skipped record sits. */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
  comment?: string;
  claim?: string;
  field?: string;
}

/**
 * An expected failure caused by the user's input: it carries a stable code and the place,
 * and the CLI prints it without a stack trace and exits with status 1.
 */
export class ThreadstanceError extends Error {
  readonly code: string;
  readonly place: Place;
  constructor(code: string, message: string, place: Place = {}) {
    super(message);
    this.name = 'ThreadstanceError';
    this.code = code;
    this.place = place;
  }
}

/** Formats a place as `file:line:column (comment X, claim Y, field Z)`. */
export function formatPlace(place: Place): string {
  let where = place.file ?? '';
  if (place.line !== undefined) where += `:${place.line}`;
  if (place.column !== undefined) where += `:${place.column}`;
  const extra: string[] = [];
  if (place.comment !== undefined) extra.push(`comment ${place.comment}`);
  if (place.claim !== undefined) extra.push(`claim "${place.claim}"`);
  if (place.field !== undefined) extra.push(`field "${place.field}"`);
  if (extra.length > 0) where += (where ? ' ' : '') + `(${extra.join(', ')})`;
  return where;
}

/** One line for the terminal: `threadstance: CODE file:line: message`. */
export function formatError(err: ThreadstanceError): string {
  const where = formatPlace(err.place);
  return `threadstance: ${err.code}${where ? ' ' + where : ''}: ${err.message}`;
}
