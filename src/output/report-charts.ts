/** The report's charts as inline SVG: stacked stance bars (by comments, by likes) and a sentiment histogram. */
import type { AnalyzedComment, Stance } from '../types.js';
import { STANCES } from '../types.js';
import type { SummaryRow } from './summary.js';
import { esc, num, pct, SENTIMENT_COLOURS, SENTIMENT_LABELS, STANCE_COLOURS, type SentimentLabel } from './report-html.js';

const BAR_W = 600;
const BAR_H = 26;
/** Narrower segments carry no label inside the bar; the legend under it always has every number. */
const MIN_LABEL_W = 34;

interface Segment {
  stance: Stance;
  value: number;
  label: string;
}

/** A stacked bar of one claim's stances in one thread: `kind` "comments" counts comments, "likes" weighs them by likes. */
export function stanceBar(rows: SummaryRow[], kind: 'comments' | 'likes', caption: string): string {
  const total = rows.reduce((n, r) => n + (kind === 'comments' ? r.comments : r.likes), 0);
  const noLikes = kind === 'likes' && (total === 0 || rows.every((r) => r.likeShare === null));
  const claim = rows[0]?.claim ?? '';
  const head = `<figcaption>${esc(caption)}</figcaption>`;
  if (noLikes) {
    return `<figure class="bar bar-${kind}" data-claim="${esc(claim)}" data-kind="${kind}">${head}<p class="no-data">No likes are recorded in this input, so there is no like-weighted bar.</p></figure>`;
  }
  const segments: Segment[] = STANCES.map((stance) => {
    const r = rows.find((x) => x.stance === stance);
    const value = kind === 'comments' ? (r?.comments ?? 0) : (r?.likes ?? 0);
    return { stance, value, label: kind === 'comments' ? String(value) : pct(total ? value / total : 0) };
  });
  let x = 0;
  const parts = segments
    .filter((s) => s.value > 0)
    .map((s) => {
      const w = (s.value / total) * BAR_W;
      const c = STANCE_COLOURS[s.stance];
      const what = kind === 'comments' ? `${s.value} comment${s.value === 1 ? '' : 's'}` : `${s.value} likes (${s.label})`;
      const text = w >= MIN_LABEL_W ? `<text x="${num(x + w / 2)}" y="${BAR_H / 2 + 5}" fill="${c.text}" text-anchor="middle">${esc(s.label)}</text>` : '';
      const g = `<g class="seg" data-stance="${s.stance}" data-value="${s.value}"><title>${esc(`${claim}: ${s.stance}, ${what}`)}</title><rect x="${num(x)}" y="0" width="${num(w)}" height="${BAR_H}" fill="${c.fill}"/>${text}</g>`;
      x += w;
      return g;
    })
    .join('');
  const summary = segments.map((s) => `${s.stance} ${s.label}`).join(', ');
  const svg = `<svg class="bar-svg" viewBox="0 0 ${BAR_W} ${BAR_H}" width="${BAR_W}" height="${BAR_H}" role="img" aria-label="${esc(`${claim}, by ${kind}: ${summary}`)}">${parts || `<rect x="0" y="0" width="${BAR_W}" height="${BAR_H}" fill="${STANCE_COLOURS.none.fill}"/>`}</svg>`;
  const legend = segments
    .map((s) => {
      const extra = kind === 'likes' ? ` <span class="sub">${s.value} ♥</span>` : '';
      return `<li data-stance="${s.stance}"${s.value === 0 ? ' class="zero"' : ''}><span class="sw sw-${s.stance}"></span>${s.stance} <b class="n">${esc(s.label)}</b>${extra}</li>`;
    })
    .join('');
  return `<figure class="bar bar-${kind}" data-claim="${esc(claim)}" data-kind="${kind}">${head}${svg}<ul class="legend">${legend}</ul></figure>`;
}

const HIST_W = 600;
const HIST_H = 170;
const PAD = { left: 34, right: 10, top: 12, bottom: 34 };
const BINS = 10;

/** Sentiment scores of the scored comments as a histogram (ten bins over -1…1), each bin stacked by label. */
export function sentimentHistogram(rows: AnalyzedComment[], caption: string): string {
  const scored = rows.filter((r) => !r.comment.status || r.comment.status === 'dead');
  const counts = Array.from({ length: BINS }, () => ({ negative: 0, neutral: 0, positive: 0 }) as Record<SentimentLabel, number>);
  for (const r of scored) {
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(((r.sentiment.score + 1) / 2) * BINS)));
    counts[bin]![r.sentiment.label] += 1;
  }
  const max = Math.max(1, ...counts.map((c) => c.negative + c.neutral + c.positive));
  const plotW = HIST_W - PAD.left - PAD.right;
  const plotH = HIST_H - PAD.top - PAD.bottom;
  const binW = plotW / BINS;
  const y = (n: number): number => PAD.top + plotH - (n / max) * plotH;
  const bars = counts
    .map((c, i) => {
      const lo = -1 + (2 * i) / BINS;
      const x = PAD.left + i * binW + 2;
      let base = 0;
      const rects = SENTIMENT_LABELS.filter((l) => c[l] > 0).map((l) => {
        const top = y(base + c[l]);
        const r = `<rect x="${num(x)}" y="${num(top)}" width="${num(binW - 4)}" height="${num(y(base) - top)}" fill="${SENTIMENT_COLOURS[l]}"/>`;
        base += c[l];
        return r;
      });
      if (base === 0) return '';
      const label = `<text x="${num(x + (binW - 4) / 2)}" y="${num(y(base) - 3)}" text-anchor="middle" class="hist-n">${base}</text>`;
      const parts = SENTIMENT_LABELS.filter((l) => c[l] > 0).map((l) => `${l} ${c[l]}`).join(', ');
      return `<g class="bin" data-count="${base}"><title>${esc(`score ${num(lo)} to ${num(lo + 2 / BINS)}: ${base} comment${base === 1 ? '' : 's'} (${parts})`)}</title>${rects.join('')}${label}</g>`;
    })
    .join('');
  const axisY = PAD.top + plotH;
  const ticks = [-1, -0.5, 0, 0.5, 1]
    .map((t) => {
      const x = PAD.left + ((t + 1) / 2) * plotW;
      return `<line x1="${num(x)}" y1="${axisY}" x2="${num(x)}" y2="${axisY + 4}" stroke="#666"/><text x="${num(x)}" y="${axisY + 16}" text-anchor="middle">${t}</text>`;
    })
    .join('');
  const axes =
    `<line x1="${PAD.left}" y1="${axisY}" x2="${HIST_W - PAD.right}" y2="${axisY}" stroke="#666"/>` +
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${axisY}" stroke="#ccc"/>` +
    `<text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${max}</text><text x="${PAD.left - 6}" y="${axisY}" text-anchor="end">0</text>` +
    `<text x="${PAD.left + plotW / 2}" y="${HIST_H - 2}" text-anchor="middle" class="axis-title">sentiment score (−1 negative … +1 positive)</text>`;
  const totals = SENTIMENT_LABELS.map((l) => ({ l, n: scored.filter((r) => r.sentiment.label === l).length }));
  const mean = scored.length ? scored.reduce((n, r) => n + r.sentiment.score, 0) / scored.length : 0;
  const svg = `<svg class="hist-svg" viewBox="0 0 ${HIST_W} ${HIST_H}" width="${HIST_W}" height="${HIST_H}" role="img" aria-label="${esc(`sentiment of ${scored.length} comments: ${totals.map((t) => `${t.l} ${t.n}`).join(', ')}`)}">${axes}${ticks}${bars}</svg>`;
  const legend = totals.map((t) => `<li data-label="${t.l}"><span class="sw sw-${t.l}"></span>${t.l} <b class="n">${t.n}</b></li>`).join('');
  return `<figure class="hist">` +
    `<figcaption>${esc(caption)}</figcaption>${svg}` +
    `<ul class="legend">${legend}<li class="mean">mean score <b>${num(mean)}</b> over ${scored.length} scored comment${scored.length === 1 ? '' : 's'}</li></ul></figure>`;
}
