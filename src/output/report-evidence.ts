/** Finds the sentences a stance's evidence quotes in the comment's text and marks them, escaping everything else. */
import { esc } from './report-html.js';

/** Where a quoted evidence sentence sits in the text, and which claims it decided. */
export interface Span {
  start: number;
  end: number;
  claims: string[];
}

// Evidence reads `"sentence" [cue …]`, possibly after `against: ` or `…, which was support: ` and joined by ` | `.
const QUOTED = /(?:^|\| |: )"(.+?)" \[/g;
/** The analysis shortens sentences longer than 300 characters to 297 and "...". */
const CUT = '...';

/** The sentences an evidence string quotes, in order; a shortened one is returned without its "...". */
export function quotedSentences(evidence: string): { sentence: string; cut: boolean }[] {
  const out: { sentence: string; cut: boolean }[] = [];
  for (const m of evidence.matchAll(QUOTED)) out.push(uncut(m[1]!));
  return out;
}

function uncut(quoted: string): { sentence: string; cut: boolean } {
  const cut = quoted.length === 300 && quoted.endsWith(CUT);
  return { sentence: cut ? quoted.slice(0, -CUT.length) : quoted, cut };
}

/** The text with whitespace runs folded to one space, and for each folded character its offset in the text. */
function fold(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ws = /\s/.test(text[i]!);
    if (ws && folded.endsWith(' ')) continue;
    folded += ws ? ' ' : text[i];
    at.push(i);
  }
  return { folded, at };
}

/** Spans of `text` that the evidence of each claim quotes (first occurrence of each sentence). */
export function evidenceSpans(text: string, evidence: { claim: string; evidence: string }[]): Span[] {
  const { folded, at } = fold(text);
  const spans: Span[] = [];
  for (const { claim, evidence: ev } of evidence) {
    for (const { sentence, cut } of quotedSentences(ev)) {
      const needle = sentence.replace(/\s+/g, ' ').trim();
      if (needle === '') continue;
      const i = folded.indexOf(needle);
      // A sentence the analysis read elsewhere (the parent's, a quote) or re-joined differently is not marked.
      if (i < 0) continue;
      const start = at[i]!;
      let end = at[i + needle.length - 1]! + 1;
      // A shortened sentence is marked to its real end: the next full stop, ! or ?, or the end of the line.
      if (cut) {
        const rest = /[.!?…]+(?=[\s"”’)]|$)|\n/.exec(text.slice(end));
        end = rest ? end + rest.index + (rest[0] === '\n' ? 0 : rest[0].length) : text.length;
      }
      const same = spans.find((s) => s.start === start && s.end === end);
      if (same) {
        if (!same.claims.includes(claim)) same.claims.push(claim);
      } else {
        spans.push({ start, end, claims: [claim] });
      }
    }
  }
  return spans;
}

/** The text as escaped HTML, each evidence span wrapped in <mark> naming its claims; overlaps are split. */
export function markedText(text: string, spans: Span[]): string {
  if (spans.length === 0) return esc(text);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  let html = '';
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k]!;
    const to = cuts[k + 1]!;
    const piece = esc(text.slice(from, to));
    const claims = [...new Set(spans.filter((s) => s.start <= from && s.end >= to).flatMap((s) => s.claims))];
    html += claims.length ? `<mark data-claims="${esc(claims.join(' '))}" title="${esc(`evidence for ${claims.join(', ')}`)}">${piece}</mark>` : piece;
  }
  return html;
}

/**
 * An evidence string as HTML: each quoted sentence set as a <q> (shortened to `short` characters when
 * `shorten` says the reader already sees it marked in the text), the cue notes as plain text.
 */
export function evidenceHtml(evidence: string, shorten: (sentence: string) => boolean, short = 90): string {
  let html = '';
  let from = 0;
  for (const m of evidence.matchAll(QUOTED)) {
    const open = m.index! + m[0].indexOf('"');
    const sentence = m[1]!;
    html += esc(evidence.slice(from, open));
    const shown = shorten(uncut(sentence).sentence) && sentence.length > short ? `${sentence.slice(0, short - 1).trimEnd()}…` : sentence;
    html += `<q>${esc(shown)}</q>`;
    from = open + sentence.length + 2; // past the closing quote
  }
  return html + esc(evidence.slice(from));
}
