/**
 * What a pasted Discourse post may carry above and inside its text: the author and date lines a browser
 * copies from a topic page ("grue", "Mar 22" or "March 22, 2024, 9:12pm", a post number), and a quote
 * of another post ("bitrot:" on its own line, then the quoted paragraph).
 */

export interface PostHeader {
  author: string;
  /** ISO 8601 date when the date line gives a year ("2024-03-22"), else ''. */
  createdAt: string;
  /** Lines the header takes. */
  lines: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const TIME = String.raw`(?:,?\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?`;
const POST_NUMBER = String.raw`(?:\s+#?\d{1,6})?`;
/** "Mar 22", "March 22, 2024, 9:12pm", "March 22, 2024, 9:12pm #5". */
const MONTH_DAY = new RegExp(String.raw`^${MONTH}\s+(\d{1,2})(?:,?\s+(\d{4}))?${TIME}${POST_NUMBER}$`, 'i');
/** "22 Mar", "22 March 2024". */
const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})\s+${MONTH}(?:\s+(\d{4}))?${TIME}${POST_NUMBER}$`, 'i');
/** "Mar '24", "March 2024". */
const MONTH_YEAR = new RegExp(String.raw`^${MONTH}\s+(?:'\d{2}|\d{4})${POST_NUMBER}$`, 'i');
/** "2h", "3d", "5 days ago". */
const RELATIVE = /^(?:\d{1,3}\s?[smhdw]|\d{1,3} (?:second|minute|hour|day|week|month|year)s? ago)$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** A Discourse username, with the full name some sites show beside it: "grue", "anya_k (Anya K.)". */
const AUTHOR = /^@?([\p{L}\p{N}_.-]{1,40})(?:\s+\([^()\n]{1,60}\))?$/u;
/** A post number on a line of its own, as the crawler view prints it under the date. */
const NUMBER_LINE = /^#?\d{1,6}$/;
/** The label line of a quote: "bitrot:". */
const QUOTE_LABEL = /^@?([\p{L}\p{N}_.-]{1,40}):$/u;

/** The ISO date of a date line, '' when it has no year, undefined when the line is no date. */
export function dateOf(line: string): string | undefined {
  const s = line.trim();
  const pad = (n: string | number): string => String(n).padStart(2, '0');
  const iso = (year: string | undefined, month: string, day: string): string =>
    year === undefined ? '' : `${year}-${pad(MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1)}-${pad(day)}`;
  let m = MONTH_DAY.exec(s);
  if (m) return iso(m[3], m[1]!, m[2]!);
  m = DAY_MONTH.exec(s);
  if (m) return iso(m[3], m[2]!, m[1]!);
  if (MONTH_YEAR.test(s) || RELATIVE.test(s)) return '';
  m = ISO_DATE.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** The author and date lines starting at `lines[i]` (a post number line may follow), if they are there. */
export function headerAt(lines: readonly string[], i: number): PostHeader | undefined {
  const author = AUTHOR.exec(lines[i]?.trim() ?? '');
  if (!author || /^\d+$/.test(author[1]!)) return undefined;
  const createdAt = dateOf(lines[i + 1] ?? '');
  if (createdAt === undefined) return undefined;
  const numbered = NUMBER_LINE.test(lines[i + 2]?.trim() ?? '');
  return { author: author[1]!, createdAt, lines: numbered ? 3 : 2 };
}

/**
 * The post's lines as they are scored: a quote of another post ("bitrot:" naming an author of the
 * thread, then the paragraph after it) becomes a Markdown quote, which splitMedia keeps out of the
 * commenter's own words. Without known authors the lines are returned as they are.
 */
export function markQuotes(lines: readonly string[], authors: ReadonlySet<string>): string[] {
  if (authors.size === 0) return [...lines];
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const label = QUOTE_LABEL.exec(lines[i]!.trim());
    if (!label || !authors.has(label[1]!.toLowerCase())) {
      out.push(lines[i]!);
      continue;
    }
    out.push('');
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') out.push(lines[j++]!);
    while (j < lines.length && lines[j]!.trim() !== '') out.push(`> ${lines[j++]!}`);
    i = j - 1;
  }
  return out;
}
