/** A thread as the report shows it: comments indented by depth, stance badges, evidence marked in the text. */
import type { AnalyzedComment, Thread } from '../types.js';
import { esc, num } from './report-html.js';
import { evidenceHtml, evidenceSpans, markedText } from './report-evidence.js';

/** Deeper replies stop indenting here, so that a long chain stays readable (the CSS has classes d0…d8). */
export const MAX_INDENT = 8;

/** The anchor of a comment: thread position and comment index, never the (hostile) ids of the input. */
export function anchor(threadNo: number, index: number): string {
  return `c-${threadNo}-${index}`;
}

/**
 * Depth of each comment, by index: the input's depth where given; else one below the parent found in
 * the thread, 1 for a reply to a comment that is not in it, 0 without a parent. A flat thread (pasted,
 * /raw export) has no reply structure: all 0.
 */
export function depths(thread: Thread): number[] {
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  const memo = new Map<number, number>();
  const depthOf = (index: number, seen: Set<number>): number => {
    const known = memo.get(index);
    if (known !== undefined) return known;
    const c = thread.comments[index]!;
    let d: number;
    if (c.depth !== undefined) d = c.depth;
    else if (thread.flat || c.parentId === '') d = 0;
    else {
      const parent = byId.get(c.parentId);
      // A parent chain that loops (a malformed input) is cut where it comes back.
      d = parent && !seen.has(parent.index) ? depthOf(parent.index, seen.add(index)) + 1 : 1;
    }
    memo.set(index, d);
    return d;
  };
  return thread.comments.map((_c, i) => depthOf(i, new Set()));
}

/** Stance badge label: stance, the root claim's finer label, and the confidence. */
function badge(claim: string, stance: string, confidence: number, detail?: string): string {
  return `<span class="badge st-${stance}"><span class="bc">${esc(claim)}</span> ${stance}${detail ? ` (${esc(detail)})` : ''} <span class="conf" title="confidence">${num(confidence)}</span></span>`;
}

/** One comment as a list item of the thread; `claims` in claim-file order. */
export function commentHtml(row: AnalyzedComment, threadNo: number, depth: number, claims: string[], parentIndex: number | undefined): string {
  const c = row.comment;
  const judged = claims.map((id) => ({ id, j: row.stances.get(id) })).filter((x) => x.j !== undefined);
  const taking = judged.filter((x) => x.j!.stance !== 'none');
  const mentions = judged.filter((x) => x.j!.stance === 'none' && x.j!.evidence !== '' && !x.j!.evidence.startsWith('not scored'));
  const spans = evidenceSpans(c.text, taking.map((x) => ({ claim: x.id, evidence: x.j!.evidence })));
  const stances = claims.map((id) => `${id}:${row.stances.get(id)?.stance ?? 'none'}`).join(' ');
  const classes = ['comment', `d${Math.min(depth, MAX_INDENT)}`, ...(row.needsReview ? ['review'] : []), ...(c.index === 0 ? ['op'] : [])];
  const head = [
    `<a class="num" href="#${anchor(threadNo, c.index)}" title="comment index ${c.index}${c.id !== String(c.index) ? `, id ${esc(c.id)}` : ''}">#${c.index}</a>`,
    c.index === 0 ? '<span class="tag">opening post</span>' : '',
    c.author ? `<span class="author">${esc(c.author)}</span>` : '',
    c.likes === null ? '' : `<span class="likes" title="likes">${esc(c.likes)} ♥</span>`,
    parentIndex === undefined ? '' : `<a class="reply-to" href="#${anchor(threadNo, parentIndex)}">↳ reply to #${parentIndex}</a>`,
    c.createdAt ? `<time>${esc(c.createdAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC'))}</time>` : '',
    c.status ? `<span class="tag status">${esc(c.status)}</span>` : '',
    `<span class="sent sent-${row.sentiment.label}" title="sentiment score ${num(row.sentiment.score)}">${row.sentiment.label} ${num(row.sentiment.score)}</span>`,
    row.needsReview ? '<span class="tag flag">needs review</span>' : '',
  ].filter(Boolean);
  // A sentence already marked in the text is shortened in the evidence line; one from elsewhere (the parent's) is shown whole.
  const folded = c.text.replace(/\s+/g, ' ');
  const seen = (sentence: string): boolean => folded.includes(sentence.replace(/\s+/g, ' ').trim());
  const evidence = taking
    .map(({ id, j }) => `<li data-claim="${esc(id)}">${badge(id, j!.stance, j!.confidence, j!.detail)} <span class="ev">${evidenceHtml(j!.evidence, seen)}</span></li>`)
    .join('');
  const unmoved = claims.filter((id) => !taking.some((x) => x.id === id));
  const mentionList = mentions.length
    ? `<details class="mentions"><summary>named without a stance: ${esc(mentions.map((m) => m.id).join(', '))}</summary><ul>${mentions
        .map(({ id, j }) => `<li data-claim="${esc(id)}"><span class="bc">${esc(id)}</span> <span class="ev">${evidenceHtml(j!.evidence, () => false)}</span></li>`)
        .join('')}</ul></details>`
    : '';
  const media = c.media.length ? `<p class="media" title="set aside before scoring">media: ${esc(c.media.join(' · '))}</p>` : '';
  return (
    `<li class="${classes.join(' ')}" id="${anchor(threadNo, c.index)}" data-stances="${esc(stances)}" data-review="${row.needsReview ? 1 : 0}" data-depth="${depth}">` +
    `<div class="card"><header class="chead">${head.join(' ')}</header>` +
    `<div class="text">${markedText(c.text, spans)}</div>${media}` +
    (evidence ? `<ul class="stances">${evidence}</ul>` : '') +
    (taking.length && unmoved.length ? `<p class="nostance">no stance: ${esc(unmoved.join(', '))}</p>` : '') +
    (!taking.length ? '<p class="nostance">no stance toward any claim</p>' : '') +
    mentionList +
    (row.needsReview ? `<p class="why">Check: ${esc(row.reviewReason)}</p>` : '') +
    `</div></li>`
  );
}

/** The comments of one thread as an ordered list; replies point to their parent. */
export function threadHtml(thread: Thread, rows: AnalyzedComment[], threadNo: number, claims: string[]): string {
  const depth = depths(thread);
  const indexOf = new Map(thread.comments.map((c) => [c.id, c.index]));
  const items = rows.map((row) => {
    const parent = thread.flat || row.comment.parentId === '' ? undefined : indexOf.get(row.comment.parentId);
    return commentHtml(row, threadNo, depth[row.comment.index] ?? 0, claims, parent);
  });
  return `<ol class="comments">${items.join('')}</ol><p class="empty-filter" hidden>No comment of this thread matches the filter.</p>`;
}
