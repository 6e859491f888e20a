/** Separates what a commenter wrote from what the platform or a reaction added (GIF captions, shortcodes, links). */

/** A line that is only a reaction-GIF caption as Discourse/Giphy render it: "Seth Meyers Yes GIF by Late Night with Seth Meyers". */
const GIF_CAPTION = /^[^.!?\n]{0,100}\bGIF(?: by [^.!?\n]{1,100})?$/;
/** Emoji shortcodes such as :thinking: or :person_shrugging:, not inside a word ("tl:dr:"). */
const SHORTCODE = /(?<![\w:]):[a-z0-9_+-]{2,40}:/g;
const URL = /\bhttps?:\/\/[^\s<>"]+/g;

export interface SplitText {
  /** The commenter's own words, to be scored. */
  body: string;
  /** Captions, shortcodes and links, in order of appearance. */
  media: string[];
  /** Lines quoted from another post or an article (Markdown `> `): context, not the commenter's voice. */
  quoted: string[];
}

/** A Markdown quote line, as Reddit, Lemmy and most forums write it. */
const QUOTE_LINE = /^\s*(?:>|&gt;)\s?(.*)$/;

/** Normalizes line ends and dashes, then moves quotes, GIF captions, emoji shortcodes and URLs out of the scored text. */
export function splitMedia(text: string): SplitText {
  const media: string[] = [];
  const quoted: string[] = [];
  const kept: string[] = [];
  for (const rawLine of normalizeText(text).split('\n')) {
    const line = rawLine.trim();
    const quote = QUOTE_LINE.exec(rawLine);
    if (quote) {
      if (quote[1]!.trim() !== '') quoted.push(quote[1]!.trim());
      kept.push('');
      continue;
    }
    // Each expression only where the text it needs occurs: most lines hold none of them.
    if (line.includes('GIF') && GIF_CAPTION.test(line)) {
      media.push(line);
      continue;
    }
    let own = rawLine;
    if (own.includes(':')) {
      own = own.replace(SHORTCODE, (code) => {
        media.push(code);
        return ' ';
      });
    }
    if (own.includes('http')) {
      own = own.replace(URL, (url) => {
        media.push(url);
        return ' ';
      });
    }
    kept.push(own);
  }
  // Spaces and tabs at line ends go line by line: /[ \t]+\n/ would retry every space of a long run (quadratic).
  const body = kept
    .map(trimBlanksEnd)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { body, media, quoted };
}

/** The line without the spaces and tabs at its end. */
function trimBlanksEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/**
 * Line ends to LF (wink does not split sentences on CRLF blank lines) and the dash variants that
 * keep "ISIS‑K" from matching an alias to a plain hyphen.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2010\u2011\u2012]/g, '-')
    .replace(/\u00a0/g, ' ');
}
