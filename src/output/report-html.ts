/** HTML building blocks of the report: escaping (comment text is hostile input) and the palette. */
import type { Stance } from '../types.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Stance colours: blue and vermilion stay apart for colour-blind readers; neutral and none are greys. */
export const STANCE_COLOURS: Record<Stance, { fill: string; text: string }> = {
  support: { fill: '#2f6db5', text: '#ffffff' },
  oppose: { fill: '#d55e00', text: '#ffffff' },
  neutral: { fill: '#8f8f9c', text: '#ffffff' },
  none: { fill: '#e4e4ea', text: '#333344' },
};

/** Sentiment labels in the order the histogram stacks them, from the axis up. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** Sentiment colours, a purple–green scale apart from the stance colours. */
export const SENTIMENT_COLOURS: Record<SentimentLabel, string> = {
  negative: '#8e3b8a',
  neutral: '#b8b8c2',
  positive: '#2e8540',
};

/** A number as the report shows it: at most two decimals, no trailing zeros. */
export function num(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** A share in 0…1 as a whole percentage. */
export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** The first `n` characters of a text, whitespace folded, with an ellipsis when cut. */
export function excerpt(text: string, n: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t;
}
