/** Sentence-level stance rules: link cues to actors, then read negation, denial, hedges, reporting and sarcasm. */
import type { TokenView } from './nlp.js';
import type { CompiledClaims } from './compile.js';
import { findMentions, type Mention } from './mentions.js';
import { findPhrases, type Hit } from './phrases.js';
import { sharedCues } from './cues.js';
import { sarcasmIn, type SarcasmReading } from './sarcasm.js';

/** What one sentence says about one claim, with the words that decided it. */
export interface Finding {
  claim: string;
  /** 1 supports, -1 opposes, 0 addresses the claim without taking a side. */
  polarity: -1 | 0 | 1;
  weight: number;
  confidence: number;
  evidence: string;
  sarcasm: boolean;
  /** cue: an actor linked to a cue; phrase: a claim phrase on its own; mention: an actor named with no cue. */
  kind: 'cue' | 'phrase' | 'mention';
}

const BEFORE_WINDOW = 12;
const AFTER_WINDOW = 6;
const ANY_WINDOW = 15;

/** Findings of every sentence of a comment, in order. `mediaSarcasm` counts ironic emoji kept out of the text. */
export function findingsOf(v: TokenView, cc: CompiledClaims, mediaSarcasm: number, hasLowerCase: boolean): Finding[] {
  const mentions = findMentions(v, cc);
  const out: Finding[] = [];
  v.sentences.forEach(([s, e], si) => {
    const sarcasm = sarcasmIn(v, s, e, mediaSarcasm, hasLowerCase);
    out.push(...sentenceFindings(v, cc, s, e, v.sentenceText[si]!, mentions.filter((m) => m.start >= s && m.end <= e), sarcasm));
  });
  return out;
}

function sentenceFindings(v: TokenView, cc: CompiledClaims, s: number, e: number, text: string, mentions: Mention[], sarcasm: SarcasmReading): Finding[] {
  const cues = sharedCues();
  const out: Finding[] = [];
  const prevention = findPhrases(v, cues.prevention, s, e);
  // Cue hits per claim, longest phrase per start position.
  const hits: { hit: Hit; claims: string[]; polarity: 1 | -1 }[] = [];
  const addHit = (hit: Hit, claim: string, polarity: 1 | -1): void => {
    if (prevention.some((p) => p.end < hit.start && hit.start - p.end <= 4)) return;
    const same = hits.find((h) => h.hit.start === hit.start && h.polarity === polarity);
    if (same && same.hit.end > hit.end) return;
    if (same && same.hit.end === hit.end && same.hit.phrase.direction === hit.phrase.direction) {
      if (!same.claims.includes(claim)) same.claims.push(claim);
      return;
    }
    if (same) hits.splice(hits.indexOf(same), 1);
    hits.push({ hit, claims: [claim], polarity });
  };
  for (const c of cc.claims) {
    for (const hit of findPhrases(v, c.cues, s, e)) addHit(hit, c.claim.id, 1);
    for (const hit of findPhrases(v, c.denials, s, e)) addHit(hit, c.claim.id, -1);
  }
  const targets = findPhrases(v, cues.target, s, e);
  for (const m of mentions) {
    let j = m.start - 1;
    while (j >= s && ['the', 'a', 'an'].includes(v.norm[j]!)) j--;
    m.target = targets.some((t) => t.end === j) && !hits.some((h) => h.hit.end === j && h.hit.phrase.direction === 'after');
  }
  const agents = mentions.filter((m) => !m.target && !hits.some((h) => m.start >= h.hit.start && m.end <= h.hit.end));
  const linked = new Set<Mention>();
  for (const { hit, claims, polarity } of hits) {
    const actor = nearestActor(hit, agents);
    if (!actor) continue;
    for (const claim of actor.claims.filter((c) => claims.includes(c))) {
      linked.add(actor);
      out.push(judge(v, cc, { claim, polarity, hit, actor, s, e, text, sarcasm, kind: 'cue' }));
    }
  }
  for (const c of cc.claims) {
    for (const [list, polarity] of [[c.support, 1], [c.oppose, -1]] as const) {
      for (const hit of findPhrases(v, list, s, e)) {
        out.push(judge(v, cc, { claim: c.claim.id, polarity, hit, actor: undefined, s, e, text, sarcasm, kind: 'phrase' }));
      }
    }
  }
  for (const m of agents) {
    if (linked.has(m)) continue;
    for (const claim of m.claims) {
      out.push({ claim, polarity: 0, weight: 0.3, confidence: 0.35, evidence: `${quote(text)} [names ${m.text}, no cue links it to the claim]`, sarcasm: false, kind: 'mention' });
    }
  }
  return out;
}

/** The agent mention a cue refers to: within the cue's direction and window, the nearest one. */
function nearestActor(hit: Hit, agents: Mention[]): Mention | undefined {
  let best: Mention | undefined;
  let bestGap = Infinity;
  for (const m of agents) {
    const before = m.end < hit.start;
    const gap = before ? hit.start - m.end - 1 : m.start - hit.end - 1;
    if (gap < 0) continue;
    const dir = hit.phrase.direction;
    const ok = dir === 'before' ? before && gap <= BEFORE_WINDOW : dir === 'after' ? !before && gap <= AFTER_WINDOW : gap <= ANY_WINDOW;
    if (ok && (gap < bestGap || (gap === bestGap && before))) {
      best = m;
      bestGap = gap;
    }
  }
  return best;
}

interface Link {
  claim: string;
  polarity: 1 | -1;
  hit: Hit;
  actor: Mention | undefined;
  s: number;
  e: number;
  text: string;
  sarcasm: SarcasmReading;
  kind: 'cue' | 'phrase';
}

/** Applies negation, dismissal, hedges, reporting and sarcasm to a cue linked to a claim. */
function judge(v: TokenView, _cc: CompiledClaims, l: Link): Finding {
  const cues = sharedCues();
  const { hit, actor, s, e } = l;
  const lo = Math.min(hit.start, actor?.start ?? hit.start);
  const hi = Math.max(hit.end, actor?.end ?? hit.end);
  const notes: string[] = [];
  let polarity: number = l.polarity;
  let confidence = 0.5 + 0.4 * hit.phrase.weight;
  const inside = (i: number): boolean => (i >= hit.start && i <= hit.end) || (actor !== undefined && i >= actor.start && i <= actor.end);
  const boundaries = findPhrases(v, cues.boundary, s, e);
  const idioms = findPhrases(v, cues.idiom, s, e);
  const negation = findPhrases(v, cues.negation, Math.max(s, lo - 3), hi).find((n) => {
    if (inside(n.start)) return false;
    if (idioms.some((d) => d.start > n.end && d.start - n.end <= 4)) return false;
    const [a, b] = n.start < hit.start ? [n.end, hit.start] : [hit.end, n.start];
    return !boundaries.some((bd) => bd.start > a && bd.end < b);
  });
  if (negation) {
    polarity = -polarity;
    confidence -= 0.05;
    notes.push(`negated by "${v.value[negation.start]}"`);
  }
  const dismissal = findPhrases(v, cues.dismissal, s, e).find((d) => !inside(d.start));
  if (dismissal && polarity > 0) {
    polarity = -1;
    notes.push(`dismissed as "${phraseText(v, dismissal)}"`);
  }
  const question = v.norm[e] === '?' || v.norm.slice(s, e + 1).includes('?');
  const hedge = findPhrases(v, cues.hedge, Math.max(s, lo - 6), Math.min(e, hi + 2)).find((h) => !inside(h.start));
  const selfVoice = findPhrases(v, cues.self, s, e);
  const distancing = findPhrases(v, cues.distancing, s, e).find((d) => !inside(d.start) && !selfVoice.some((m) => m.end < d.start && d.start - m.end <= 3));
  const evidential = findPhrases(v, cues.evidential, s, e).find((d) => !inside(d.start));
  let sarcasm = false;
  if (l.sarcasm.strength >= 2) {
    sarcasm = true;
    if (polarity !== 0) {
      polarity = -polarity;
      confidence = 0.55;
      notes.push(`flipped by sarcasm (${l.sarcasm.cues.join(', ')})`);
    }
  }
  if (!sarcasm && (hedge || question || distancing)) {
    const why = hedge ? `hedged by "${phraseText(v, hedge)}"` : question ? 'asked as a question' : `reported: "${phraseText(v, distancing!)}"`;
    if (polarity > 0 || hedge || question) {
      polarity = 0;
      confidence = 0.6;
      notes.push(why);
    }
  } else if (evidential && polarity !== 0) {
    confidence *= 0.85;
    notes.push(`citing "${phraseText(v, evidential)}"`);
  }
  const cue = `cue "${phraseText(v, hit)}"${actor ? ` → ${actor.text}` : ''}`;
  return {
    claim: l.claim,
    polarity: Math.sign(polarity) as -1 | 0 | 1,
    weight: hit.phrase.weight,
    confidence: round(confidence),
    evidence: `${quote(l.text)} [${[cue, ...notes].join('; ')}]`,
    sarcasm,
    kind: l.kind,
  };
}

function phraseText(v: TokenView, h: { start: number; end: number }): string {
  return v.value.slice(h.start, h.end + 1).join(' ').replace(/ (['’]|n['’]t)/g, '$1');
}

/** The sentence as evidence: whitespace folded, long sentences shortened. */
export function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${t.length > 300 ? t.slice(0, 297) + '...' : t}"`;
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
