/** Sentence-level stance rules: link cues to actors, then read negation, denial, hedges, reporting and sarcasm. */
import type { TokenView } from './nlp.js';
import type { CompiledClaims } from './compile.js';
import { findMentions, type Mention } from './mentions.js';
import { findPhrases, type Hit } from './phrases.js';
import { sharedCues } from './cues.js';
import { sarcasmIn, type SarcasmReading } from './sarcasm.js';
import { joinedByQuotes, QUOTE_MARKS, quoteSpans, speakerLabel } from './voice.js';
import { asks, judge, opener, opensClauseTo } from './judge.js';
import { phraseText, quote } from './evidence.js';

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
  /** Set when the claim was asserted but only relayed or asked about: a dismissal after it may reject it. */
  relayed?: 'relayed' | 'asked';
  /** For a mention: it is in someone else's words, a sentence with a reporting word ("said", "accused") or a claim named as a topic ("the Ukraine theory"). */
  othersWords?: true;
}

/** A sentence of at most this many tokens that only dismisses ("Total nonsense.") rejects what the ones right before it relayed. */
const SHORT_DISMISSAL = 10;

const BEFORE_WINDOW = 12;
const STATE_PREPOSITIONS = new Set(['on', 'with', 'by', 'in', 'about']);
const AFTER_WINDOW = 3;
const ANY_WINDOW = 15;

/** What a comment's sentences say about the claims, and the irony found in it (the cues of ironic sentences). */
export interface Reading {
  findings: Finding[];
  /** Cues of the sentences read as ironic (strength 2 or more), for the `sarcasm` column. */
  irony: string[];
  /** True when the comment calls something false or foolish ("absurd", "propaganda") or is ironic. */
  ridicules: boolean;
}

/** Reads every sentence of a comment, in order. `mediaSarcasm` counts ironic emoji kept out of the text. */
export function readComment(v: TokenView, cc: CompiledClaims, mediaSarcasm: number, hasLowerCase: boolean): Reading {
  const mentions = findMentions(v, cc);
  const findings: Finding[] = [];
  const irony = new Set<string>();
  const strong = findPhrases(v, sharedCues().sarcasmStrong);
  // Sentences, mentions and markers are all in token order: one pass hands each sentence its own.
  let m = 0;
  let k = 0;
  let previous: Finding[] = [];
  v.sentences.forEach(([s, e], si) => {
    while (k < strong.length && strong[k]!.start < s) k++;
    let inside = 0;
    while (k + inside < strong.length && strong[k + inside]!.start <= e) inside++;
    // A strong irony marker anywhere in a short comment colours all of it ("Ukraine did it. How convenient.").
    const elsewhere = strong.length > inside ? (v.sentences.length <= 3 ? 2 : 1) : 0;
    const sarcasm = sarcasmIn(v, s, e, mediaSarcasm + elsewhere, hasLowerCase);
    if (sarcasm.strength >= 2) for (const cue of sarcasm.cues) if (cue !== 'irony elsewhere in the comment') irony.add(cue);
    while (m < mentions.length && mentions[m]!.start < s) m++;
    const own: Mention[] = [];
    for (let j = m; j < mentions.length && mentions[j]!.start <= e; j++) if (mentions[j]!.end <= e) own.push(mentions[j]!);
    const found = sentenceFindings(v, cc, s, e, v.sentenceText[si]!, own, sarcasm);
    // "Putin says Ukraine did it. Nobody buys that.": a short dismissal rejects the claims the sentences right
    // before it relayed or asked about ("Day 1: it was Ukraine. Day 2: it was the West. Pick one."); a short
    // one with an ironic word ("Of course he does."; capitals or "!!!" alone are not enough) rejects what
    // was relayed, not what was asked ("Did they get sloppy? Almost certainly.").
    const short =
      hasRelayed(previous) &&
      e - s < SHORT_DISMISSAL &&
      found.every((f) => f.kind === 'mention') &&
      // "Kyiv called that absurd." relays someone else's dismissal.
      findPhrases(v, sharedCues().distancing, s, e).length === 0;
    const rejects = short && [sharedCues().dismissal, sharedCues().followUp].some((list) => findPhrases(v, list, s, e).length > 0);
    // "ISIS claimed it. No idea how credible that is.": a short sentence that only doubts what the one
    // before it said leaves that sentence's side open ("Not sure if that's true." is no ironic "sure").
    const doubts = !rejects && e - s < SHORT_DISMISSAL && found.every((f) => f.kind === 'mention') && findPhrases(v, sharedCues().doubtAfter, s, e).length > 0;
    const mocks = short && !rejects && !doubts && [sharedCues().sarcasmWeak, sharedCues().sarcasmStrong].some((list) => findPhrases(v, list, s, e).length > 0);
    const dismissal = rejects || mocks;
    if (dismissal) {
      for (const f of previous) {
        if (f.relayed && f.polarity === 0 && (rejects || f.relayed === 'relayed')) {
          f.polarity = -1;
          f.confidence = 0.55;
          f.evidence = `${f.evidence.slice(0, -1)}; dismissed in a sentence after it: ${quote(v.sentenceText[si]!)}]`;
        }
      }
    }
    if (doubts) {
      for (const f of previous) {
        if (f.polarity === 0) continue;
        f.polarity = 0;
        f.confidence = 0.55;
        f.evidence = `${f.evidence.slice(0, -1)}; doubted in a sentence after it: ${quote(v.sentenceText[si]!)}]`;
      }
    }
    for (const f of found) findings.push(f);
    // A sentence about none of the claims does not end the run ("Bortnikov blames Kyiv. So everyone but his own agency. Convenient.").
    if (found.length === 0 && !dismissal) return;
    previous = !dismissal && hasRelayed(found) && hasRelayed(previous) ? [...previous, ...found] : found;
  });
  if (mediaSarcasm > 0 && irony.size === 0 && v.sentences.length === 0) irony.add('ironic emoji');
  const ridicules = irony.size > 0 || mediaSarcasm > 0 || findPhrases(v, sharedCues().dismissal).length > 0;
  return { findings, irony: [...irony], ridicules };
}

/** True when some finding relays or asks about a claim without a side, which a later dismissal may reject. */
function hasRelayed(findings: Finding[]): boolean {
  return findings.some((f) => f.relayed && f.polarity === 0);
}

function sentenceFindings(v: TokenView, cc: CompiledClaims, s: number, e: number, text: string, mentions: Mention[], sarcasm: SarcasmReading): Finding[] {
  const cues = sharedCues();
  const out: Finding[] = [];
  const phraseHits = cc.claims.map((c) => [findPhrases(v, c.support, s, e), findPhrases(v, c.oppose, s, e)] as const);
  // Most sentences name no actor and hold no claim phrase: nothing to judge (a cue needs an actor).
  if (mentions.length === 0 && phraseHits.every(([sup, opp]) => sup.length + opp.length === 0)) return out;
  const prevention = findPhrases(v, cues.prevention, s, e);
  // Cue hits per claim, longest phrase per start position.
  const hits: { hit: Hit; claims: string[]; polarity: 1 | -1 }[] = [];
  const addHit = (hit: Hit, claim: string, polarity: 1 | -1): void => {
    if (!cues.failureCues.has(hit.phrase) && prevention.some((p) => p.end < hit.start && hit.start - p.end <= 4)) return;
    const same = hits.find((h) => h.hit.start === hit.start && h.hit.end === hit.end && h.polarity === polarity && h.hit.phrase.direction === hit.phrase.direction);
    if (!same) hits.push({ hit, claims: [claim], polarity });
    else if (!same.claims.includes(claim)) same.claims.push(claim);
  };
  for (const c of cc.claims) {
    for (const hit of findPhrases(v, c.cues, s, e)) addHit(hit, c.claim.id, 1);
    for (const hit of findPhrases(v, c.denials, s, e)) addHit(hit, c.claim.id, -1);
  }
  // A cue inside a longer cue ("responsibility" in "claimed responsibility") is not a cue of its own.
  // ... unless the longer one wants an actor before it where there is none, and the inner one reads on:
  // "This has something to do with ISIS" ("< has something to do with", "something to do with >").
  const actorBefore = (o: Hit): boolean => mentions.some((m) => m.end < o.start && o.start - m.end - 1 <= BEFORE_WINDOW);
  const inner = hits.filter((h) =>
    hits.some(
      (o) =>
        o !== h &&
        o.hit.start <= h.hit.start &&
        o.hit.end >= h.hit.end &&
        o.hit.end - o.hit.start > h.hit.end - h.hit.start &&
        !(o.hit.phrase.direction === 'before' && h.hit.phrase.direction === 'after' && !actorBefore(o.hit)),
    ),
  );
  for (const h of inner) hits.splice(hits.indexOf(h), 1);
  // A cue right after a denial of the same claim is part of it: "Ukraine would have to be insane to do this".
  const absorbed = hits.length < 2 ? [] : hits.filter((h) => h.polarity > 0 && hits.some((d) => d.polarity < 0 && h.hit.start > d.hit.end && h.hit.start - d.hit.end <= 2 && h.claims.some((c) => d.claims.includes(c))));
  for (const h of absorbed) hits.splice(hits.indexOf(h), 1);
  const cueSpans = hits.map((h) => h.hit);
  let anchors = cueSpans;
  for (const [sup, opp] of phraseHits) if (sup.length + opp.length > 0) anchors = [...anchors, ...sup, ...opp];
  const { mocked, readsMention, attributes } = claimSets(cc);
  const targets = findPhrases(v, cues.target, s, e);
  const patients = findPhrases(v, cues.patient, s, e);
  for (const m of mentions) {
    const j = wordBefore(v, m, s);
    m.target = (targets.some((t) => t.end === j) && !hits.some((h) => h.hit.end === j && h.hit.phrase.direction === 'after')) || patients.some((p) => p.start === m.end + 1);
  }
  const agents = mentions.filter((m) => !m.target && !hits.some((h) => m.start >= h.hit.start && m.end <= h.hit.end));
  const linked = new Set<Mention>();
  const actors = hits.map((h) => {
    // A cue of some claims only: when the nearest actor is of none of them and only a preposition's object
    // ("Russia got a warning from the US and did nothing"), the nearest actor of those claims.
    let a = nearestActor(v, h.hit, agents, cueSpans);
    if (a && !a.claims.some((c) => h.claims.includes(c)) && prepositionObject(v, a, s)) a = nearestActor(v, h.hit, agents.filter((m) => m.claims.some((c) => h.claims.includes(c))), cueSpans) ?? a;
    // "the ISIS story" names a claim; "ISIS struck, and the story ..." does not.
    return a && cues.topicCues.has(h.hit.phrase) && !joinedByQuotes(v, a.end, h.hit.start) ? undefined : a;
  });
  const quotes = quoteSpans(v, s, e);
  const label = speakerLabel(v, s, e);
  const topics = findPhrases(v, cues.topic, s, e);
  // "No credible evidence that Kyiv was involved": what a denial put before the actor denies is not asserted after it.
  const denied = (k: number, actor: Mention): boolean =>
    hits[k]!.polarity > 0 && hits.some((d, i) => d.polarity < 0 && actors[i] === actor && d.hit.end < actor.start && hits[k]!.hit.start > actor.end);
  for (let k = 0; k < hits.length; k++) {
    const { hit, claims, polarity } = hits[k]!;
    const actor = actors[k];
    if (!actor || denied(k, actor)) continue;
    const done = new Set<string>();
    // "The US, the UK and Ukraine are behind it": the cue holds for every actor of the list.
    for (const a of [actor, ...conjuncts(v, actor, agents)]) {
      for (const claim of a.claims.filter((c) => claims.includes(c) && !done.has(c))) {
        done.add(claim);
        linked.add(a);
        out.push(judge(v, { claim, polarity, hit, actor: a, s, e, text, sarcasm, kind: 'cue', cueSpans, anchors, mocked: mocked.has(claim), quotes, label, topics }));
      }
    }
  }
  cc.claims.forEach((c, k) => {
    for (const [list, polarity] of [[phraseHits[k]![0], 1], [phraseHits[k]![1], -1]] as const) {
      for (const hit of list) {
        const denied = polarity > 0 ? deniedBefore(v, hit, findPhrases(v, c.denials, s, e), s, e) : undefined;
        out.push(judge(v, { claim: c.claim.id, polarity, hit, actor: undefined, s, e, text, sarcasm, kind: 'phrase', cueSpans, anchors, mocked: c.claim.mocked, quotes, label, topics, ...(denied ? { denied } : {}) }));
      }
    }
  });
  // "Why would Kyiv want to ...?": a doubting question whose subject is the actor doubts that it did
  // it, so the claims that say who did it ("What would Russia gain from doing such a thing?" does not
  // doubt that Russia's police were negligent).
  const doubt = linked.size < agents.length && asks(v, s, e) ? opener(v, cues.doubt, s, e) : undefined;
  const reported = linked.size < agents.length && findPhrases(v, cues.distancing, s, e).length > 0;
  // "I can't rule out that Ukrainian intelligence had contact with them": a name in a hedged clause is a possibility.
  const clauseHedges = linked.size < agents.length ? findPhrases(v, cues.hedge, s, e) : [];
  const ends = clauseHedges.length ? findPhrases(v, cues.reportEnd, s, e) : [];
  const hedgedClause = clauseHedges.length ? (at: number) => clauseHedges.find((h) => opensClauseTo(v, h, at, ends)) : undefined;
  for (const m of agents) {
    if (linked.has(m)) continue;
    let j = doubt ? doubt.end + 1 : -1;
    while (j >= 0 && j < m.start && ARTICLES.has(v.norm[j]!)) j++;
    for (const claim of m.claims) {
      if (doubt && j === m.start && attributes.has(claim)) {
        out.push({ claim, polarity: -1, weight: 0.8, confidence: 0.55, evidence: `${quote(text)} [names ${m.text}; doubted in a rhetorical question ("${phraseText(v, doubt)}")]`, sarcasm: false, kind: 'cue' });
        continue;
      }
      const ruledOut = notFragment(v, m, s, e);
      if (ruledOut) {
        out.push({ claim, polarity: -1, weight: 0.8, confidence: 0.55, evidence: `${quote(text)} [names ${m.text}; ruled out ("${ruledOut} ${m.text}")]`, sarcasm: false, kind: 'cue' });
        continue;
      }
      // Only where the claim file would read the bare name as a side (on_mention): elsewhere the name says nothing.
      const hedged = readsMention.has(claim) ? hedgedClause?.(m.start) : undefined;
      if (hedged) {
        out.push({ claim, polarity: 0, weight: 0.5, confidence: 0.5, evidence: `${quote(text)} [names ${m.text} in a hedged clause ("${phraseText(v, hedged)}")]`, sarcasm: false, kind: 'cue' });
        continue;
      }
      const candidate = candidateBefore(v, m, s, e);
      if (candidate) {
        out.push({ claim, polarity: 0, weight: 0.5, confidence: 0.5, evidence: `${quote(text)} [names ${m.text} as a possible culprit ("${phraseText(v, candidate)}")]`, sarcasm: false, kind: 'cue' });
        continue;
      }
      out.push({ claim, polarity: 0, weight: 0.3, confidence: 0.35, evidence: `${quote(text)} [names ${m.text}, no cue links it to the claim]`, sarcasm: false, kind: 'mention', ...(reported ? { othersWords: true as const } : {}) });
    }
  }
  return out;
}

/** True when mention `m` follows a preposition (articles aside): "from the US", "by Kyiv". */
function prepositionObject(v: TokenView, m: Mention, s: number): boolean {
  const j = wordBefore(v, m, s);
  return j >= s && v.pos[j] === 'ADP';
}

/** The agent mention a cue refers to: within the cue's direction and window, the nearest one. */
function nearestActor(v: TokenView, hit: Hit, agents: Mention[], cueSpans: Hit[]): Mention | undefined {
  // "ISIS was attacked": a passive participle makes the actor before it the one acted upon.
  // ("has been hitting" is progressive, not passive).
  // A state ("were focused on", "was preoccupied with") is no passive, nor is an actor that wink reads as "is",
  // nor a failure cue, which says what state the actor was in ("the FSB was distracted", "got caught napping").
  const state = hit.end > hit.start && STATE_PREPOSITIONS.has(v.norm[hit.end]!);
  const passive =
    !state &&
    !sharedCues().failureCues.has(hit.phrase) &&
    hit.phrase.direction === 'before' &&
    v.pos[hit.start] === 'VERB' &&
    !v.lower[hit.start]!.endsWith('ing') &&
    ['be', 'get'].includes(v.lemma[hit.start - 1] ?? '') &&
    // "IS attacked": the acronym, not the verb
    !agents.some((m) => m.end === hit.start - 1);
  if (passive) return undefined;
  // "Putin knows who did it": a subject word right before the cue is its subject, unless it follows the
  // actor ("the FSB, who staged it").
  const subject = hit.phrase.direction === 'before' ? findPhrases(v, sharedCues().subject, Math.max(0, hit.start - 2), hit.start - 1).find((h) => h.end === hit.start - 1) : undefined;
  let best: Mention | undefined;
  let bestGap = Infinity;
  for (const m of agents) {
    const before = m.end < hit.start;
    const gap = before ? hit.start - m.end - 1 : m.start - hit.end - 1;
    if (gap < 0) continue;
    const dir = hit.phrase.direction;
    // "It was a failure of Russian intelligence": a cue that names who follows does not reach past another cue.
    // ... nor past a noun of its own ("that was the threat the US warned about" names no author).
    // ... nor past a clause of its own ("for what it's worth, US officials say", "it's true, ISIS claimed it").
    const blocked = dir === 'after' && !before && (cueSpans.some((c) => c !== hit && c.start > hit.end && c.end < m.start) || nounBetween(v, hit.end, m.start) || clauseBetween(v, hit.end, m.start));
    const afterSubject = subject !== undefined && !(m.end === subject.start - 1 || (m.end === subject.start - 2 && v.norm[subject.start - 1] === ','));
    const ok = dir === 'before' ? before && gap <= BEFORE_WINDOW && !afterSubject : dir === 'after' ? !before && !blocked && gap <= AFTER_WINDOW : gap <= ANY_WINDOW;
    if (ok && (gap < bestGap || (gap === bestGap && before))) {
      best = m;
      bestGap = gap;
    }
  }
  return best;
}

const CLAUSE_ENDS = new Set([',', ';', ':']);

/**
 * True when a comma, semicolon or colon between tokens a and b ends words of a clause that follow a
 * ("it's worth, US"); a mark right after a opens an aside ("it was, of course, ISIS").
 */
function clauseBetween(v: TokenView, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (CLAUSE_ENDS.has(v.norm[i]!)) return i > a + 1;
  return false;
}

/** True when a noun stands between tokens a and b. */
function nounBetween(v: TokenView, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (v.pos[i] === 'NOUN') return true;
  return false;
}

/** How far before a claim phrase a denial of its claim may end ("no evidence that it was a false flag"). */
const DENIED_WITHIN = 5;

/**
 * A denial cue that reads forward ("no evidence >", "no way >") ending at most DENIED_WITHIN words before
 * claim phrase `hit`, with no clause boundary between but "that": "No proof that this was an inside job."
 */
function deniedBefore(v: TokenView, hit: Hit, denials: Hit[], s: number, e: number): Hit | undefined {
  const before = denials.filter((d) => d.phrase.direction === 'after' && d.end < hit.start && hit.start - d.end <= DENIED_WITHIN);
  if (before.length === 0) return undefined;
  const boundaries = findPhrases(v, sharedCues().boundary, s, e).filter((b) => v.lower[b.start] !== 'that');
  return before.find((d) => !boundaries.some((b) => b.start > d.end && b.end < hit.start));
}

/**
 * The ids of the claims marked `mocked`, of those whose claim file says how to read a bare mention
 * (on_mention), and of those that say who did it (their cues take in the attribution lexicon).
 */
interface ClaimSets {
  mocked: Set<string>;
  readsMention: Set<string>;
  attributes: Set<string>;
}

const setsByClaims = new WeakMap<CompiledClaims, ClaimSets>();

function claimSets(cc: CompiledClaims): ClaimSets {
  let sets = setsByClaims.get(cc);
  if (!sets) {
    const ids = (keep: (c: CompiledClaims['claims'][number]) => boolean): Set<string> => new Set(cc.claims.filter(keep).map((c) => c.claim.id));
    setsByClaims.set(cc, (sets = { mocked: ids((c) => c.claim.mocked), readsMention: ids((c) => c.claim.onMention !== undefined), attributes: ids((c) => c.claim.cues.includes('@attribution')) }));
  }
  return sets;
}

const ARTICLES = new Set(['the', 'a', 'an']);
const NOT = new Set(['not', 'never']);

/**
 * "Not ISIS.", "Definitely not the CIA!", "Not ISIS, not Ukraine, it was the FSB.": a sentence, or a
 * clause between commas, that is only "not" and the name (with an intensifier or an article) rules the
 * actor out. Returns the words from the clause's start to "not", if so.
 */
function notFragment(v: TokenView, m: Mention, s: number, e: number): string | undefined {
  for (let k = m.end + 1; k <= e && v.norm[k] !== ','; k++) if (v.type[k] !== 'punctuation') return undefined;
  const not = wordBefore(v, m, s);
  if (not < s || !NOT.has(v.norm[not]!)) return undefined;
  let from = not;
  while (from > s && v.norm[from - 1] !== ',') from--;
  const lead = findPhrases(v, sharedCues().fragment, from, not - 1);
  for (let k = from; k < not; ) {
    const h = lead.find((x) => x.start === k);
    if (!h) return undefined;
    k = h.end + 1;
  }
  return v.value.slice(from, not + 1).join(' ');
}

/** The word before actor m that names it as a possible culprit, when a comma, "or" or the sentence's end follows it ("Maybe ISIS, maybe the FSB."). */
function candidateBefore(v: TokenView, m: Mention, s: number, e: number): Hit | undefined {
  const after = m.end + 1;
  if (after <= e && v.norm[after] !== ',' && v.norm[after] !== 'or' && v.type[after] !== 'punctuation') return undefined;
  const j = wordBefore(v, m, s);
  return findPhrases(v, sharedCues().candidate, s, j).find((h) => h.end === j);
}

/** The token before mention m, past any articles ("invaded the Ukraine" → "invaded"), or s - 1 at the sentence's start. */
function wordBefore(v: TokenView, m: Mention, s: number): number {
  let j = m.start - 1;
  while (j >= s && ARTICLES.has(v.norm[j]!)) j--;
  return j;
}

/** Words that join the actors of a list ("the US, the UK and Ukraine"). */
const CONJUNCTIONS = new Set([',', 'and', 'or', '&', '/', 'the', 'both', 'nor', 'either', 'neither', ...QUOTE_MARKS]);
/** Of CONJUNCTIONS, those that join nothing by themselves: an article, quotation marks ("Ukraine and the "Anglo-Saxons""). */
const NEUTRAL_JOINERS = new Set(['the', ...QUOTE_MARKS]);

/**
 * The actors listed with `actor`, joined to it by commas and conjunctions only. A list needs a
 * conjunction somewhere ("Kyiv, London and Washington"): a comma alone ("... to Ukraine, the FSB
 * suggested") may end a clause.
 */
function conjuncts(v: TokenView, actor: Mention, agents: Mention[]): Mention[] {
  let conjunction = false;
  // 0: not joined; 1: joined by commas (and articles) only; 2: joined by a conjunction.
  const joined = (a: number, b: number): 0 | 1 | 2 => {
    let how: 0 | 1 | 2 = 0;
    for (let i = a; i <= b; i++) {
      const w = v.norm[i]!;
      if (!CONJUNCTIONS.has(w)) return 0;
      if (w === ',') how = how === 2 ? 2 : 1;
      else if (!NEUTRAL_JOINERS.has(w)) how = 2;
    }
    return how;
  };
  const out: Mention[] = [];
  // agents are in token order, as mentions are found
  const at = agents.indexOf(actor);
  for (let k = at - 1, edge = actor.start; k >= 0 && agents[k]!.end < edge; edge = agents[k]!.start, k--) {
    const how = joined(agents[k]!.end + 1, edge - 1);
    if (how === 0) break;
    conjunction ||= how === 2;
    out.push(agents[k]!);
  }
  for (let k = at + 1, edge = actor.end; k < agents.length && agents[k]!.start > edge; edge = agents[k]!.end, k++) {
    const how = joined(edge + 1, agents[k]!.start - 1);
    if (how === 0) break;
    conjunction ||= how === 2;
    out.push(agents[k]!);
  }
  return conjunction ? out : [];
}
