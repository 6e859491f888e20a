/**
 * Markdown post bodies (Reddit, Lemmy, Discourse's raw export) as plain text: entities decoded,
 * emphasis, headings and code marks removed, line breaks kept, `> ` quotes left for splitMedia,
 * and the targets of labelled links and images collected as media.
 */

/** Plain text and the link targets and image sources that are not part of it. */
export interface MarkdownText {
  text: string;
  media: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–' };

/** Decodes the HTML entities Reddit and Lemmy leave in Markdown (`&amp;`, `&gt;`, `&#39;`, `&#x27;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// Escaped characters are parked in a private-use range so no markup rule sees them.
const PARK = 0xe000;
const park = (s: string): string => s.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => String.fromCharCode(PARK + c.charCodeAt(0)));
const unpark = (s: string): string => s.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PARK));

const URLISH = /^(https?:\/\/|www\.)\S+$/i;
/** A link or image target, allowing one level of parentheses (Wikipedia addresses) and an optional title. */
const TARGET = String.raw`\(\s*<?([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)`;
const IMAGE = new RegExp(String.raw`!\[([^\]]*)\]` + TARGET, 'g');
const LINK = new RegExp(String.raw`\[([^\]]+)\]` + TARGET, 'g');

/** Converts Markdown to plain text, line by line; code blocks keep their text verbatim. */
export function markdownToText(markdown: string): MarkdownText {
  const media: string[] = [];
  const out: string[] = [];
  let fence = '';
  let quoting = false;
  // Zero-width spaces (Reddit's `&#x200B;` empty paragraphs) are invisible: not text.
  for (const rawLine of decodeEntities(markdown).replace(/\u200b/g, '').replace(/\r\n?/g, '\n').split('\n')) {
    const fenceMark = /^\s*(```|~~~)/.exec(rawLine);
    if (fenceMark) {
      if (fence === '') fence = fenceMark[1]!;
      else if (fenceMark[1] === fence) fence = '';
      continue;
    }
    if (fence !== '' || /^( {4}|\t)/.test(rawLine)) {
      out.push(rawLine.trimEnd());
      continue;
    }
    // A line right after a quote line continues the quote (Markdown's lazy continuation).
    const lazy: boolean = quoting && rawLine.trim() !== '' && !/^\s*(>|[-*+]\s|\d+[.)]\s|#)/.test(rawLine);
    const text = line(lazy ? `> ${rawLine}` : rawLine, media);
    quoting = text.startsWith('> ') || (quoting && lazy);
    out.push(text);
  }
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, media: [...new Set(media)] };
}

function line(raw: string, media: string[]): string {
  let s = park(raw);
  // Reddit spoilers >!text!< before quote markers, which they resemble.
  s = segmented(s, (piece) => piece.replace(/>!(.+?)!</g, '$1'));
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(s)) return '';
  if (/^\s*:::/.test(s)) return ''; // Lemmy's ::: spoiler blocks
  const quote = /^\s*(?:>\s?)+/.exec(s);
  const prefix = quote ? '> ' : '';
  if (quote) s = s.slice(quote[0].length);
  if (/^\s{0,3}#{1,6}\s/.test(s)) s = closingHashes(s.replace(/^\s{0,3}#{1,6}\s+/, ''));
  s = segmented(s.replace(/^(\s*)[*+-]\s+/, '$1- '), (piece) => inline(piece, media));
  return (prefix + unpark(s)).trimEnd();
}

/**
 * Characters of a line the inline rules read at once. A rule that looks for the end of a link or
 * of emphasis ("[", "**") reads on to the end of what it is given, from every opening mark: on a
 * line of 1 MB with many unclosed marks that is quadratic. Longer lines are read in pieces cut at a
 * space, so a link or emphasis that spans a cut keeps its marks.
 */
const PIECE = 2000;

function segmented(s: string, rules: (piece: string) => string): string {
  if (s.length <= PIECE) return rules(s);
  const out: string[] = [];
  for (let at = 0; at < s.length; ) {
    let end = Math.min(s.length, at + PIECE);
    const space = end < s.length ? s.lastIndexOf(' ', end) : -1;
    if (space > at + PIECE / 2) end = space;
    out.push(rules(s.slice(at, end)));
    at = end;
  }
  return out.join('');
}

/** Code spans, images, links and emphasis of a piece of a line. */
function inline(piece: string, media: string[]): string {
  // Addresses and code spans are set aside so that emphasis rules cannot touch them (`__init__`, `a_b_c`).
  const kept: string[] = [];
  const keep = (t: string): string => `\ue100${kept.push(t) - 1}\ue101`;
  return piece
    .replace(/`([^`]+)`/g, (_m, code: string) => keep(code))
    .replace(IMAGE, (_m, _alt: string, url: string) => {
      media.push(url);
      return ' ';
    })
    .replace(LINK, (_m, label: string, url: string) => {
      if (URLISH.test(label.trim())) return keep(URLISH.test(url) ? url : label);
      if (/^(https?:)?\/\//i.test(url)) media.push(url.startsWith('//') ? `https:${url}` : url);
      return label;
    })
    .replace(/<(https?:\/\/[^>\s]+)>/g, (_m, url: string) => keep(url))
    .replace(/\bhttps?:\/\/[^\s<>"]+/g, (url) => keep(url))
    .replace(/(\*\*\*|___)(?!\s)(.+?)(?<!\s)\1/g, '$2')
    .replace(/(\*\*|__)(?!\s)(.+?)(?<!\s)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w_])_(?![\s_])(.+?)(?<![\s_])_(?![\w_])/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\^\(([^)]*)\)/g, '$1')
    .replace(/(^|\s)\^(?=\S)/g, '$1')
    .replace(/\ue100(\d+)\ue101/g, (_m, i: string) => kept[Number(i)]!);
}

/** A heading without its closing hashes ("Title ##" → "Title"), found from the end: a regex would retry every space of a long run. */
function closingHashes(heading: string): string {
  const t = heading.trimEnd();
  let j = t.length;
  while (j > 0 && t[j - 1] === '#') j--;
  return j < t.length && j > 0 && /\s/.test(t[j - 1]!) ? t.slice(0, j).trimEnd() : heading;
}
