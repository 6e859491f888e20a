/** One cue linked to a claim, judged: negation, dismissal, questions, hedges, reporting, quotation and sarcasm. */
import type { TokenView } from './nlp.js';
import type { Mention } from './mentions.js';
import { findPhrases, type Hit, type Phrase } from './phrases.js';
import { sharedCues } from './cues.js';
import type { SarcasmReading } from './sarcasm.js';
import { joinedByQuotes } from './voice.js';
import { phraseText, quote, round } from './evidence.js';
import type { Finding } from './stance.js';

/** A cue (or claim phrase) of a sentence linked to a claim, with what the sentence holds around it. */
export interface Link {
  claim: string;
  polarity: 1 | -1;
  hit: Hit;
  actor: Mention | undefined;
  s: number;
  e: number;
  text: string;
  sarcasm: SarcasmReading;
  kind: 'cue' | 'phrase';
  /** Spans of every cue of the sentence: words inside them are not read as reporting or hedges. */
  cueSpans: Hit[];
  /** Spans of every cue and claim phrase of the sentence: what a dismissal may be aimed at. */
  anchors: Hit[];
  /** The claim is mostly voiced to mock it: one weak irony cue is enough. */
  mocked: boolean;
  /** Quotations of the sentence, [opening mark, closing mark]. */
  quotes: [number, number][];
  /** A label naming whose words follow the colon ("Putin: ..."). */
  label: { start: number; end: number } | undefined;
  /** Topic nouns of the sentence ("story", "theory", "crowd"). */
  topics: Hit[];
  /** For a claim phrase: a denial of the claim before it ("no evidence it was a false flag"), which reverses it. */
  denied?: Hit;
}

/** Words that join a clause of its own to the one before: a reporting word after them is that clause's ("so that he could blame"). */
const JOINERS = new Set(['and', 'so', 'to', 'because', 'then', 'while', 'which', 'who', 'that', 'when', 'after', 'before', 'until', 'since', 'as', 'or', 'for']);
const PAUSES = new Set([',', '-', '–', '—', ':', '(']);

/**
 * True when reporting word `d`, after a cue ending at `end`, relays it: set off by a pause with no
 * clause joined between ("ISIS did it, Putin says"; "according to" needs no pause), unlike a report of
 * its own ("The FSB staged it to blame Ukraine", "ISIS did it and Putin blamed Ukraine", "..., suggesting").
 */
function trailingReport(v: TokenView, end: number, d: Hit): boolean {
  if (v.lower[d.start] === 'according') return true;
  // "..., suggesting a growing symbiosis": a participle after a pause is the writer's own clause.
  if (v.lower[d.start]!.endsWith('ing')) return false;
  let pause = false;
  for (let i = end + 1; i < d.start; i++) {
    const w = v.lower[i]!;
    if (JOINERS.has(w)) return false;
    if (PAUSES.has(w)) pause = true;
  }
  return pause;
}

/** Words that open a clause after a hedge. */
const COMPLEMENTIZERS = new Set(['that', 'whether', 'if']);

/**
 * True when hedge `h` opens a clause that reaches token `at` ("I can't rule out that ... at"): "that" as
 * a conjunction, not a relative pronoun ("an analysis from last May that lays it out"), after a hedge
 * that is not a modal alone, with no contrast (`ends`) between.
 */
export function opensClauseTo(v: TokenView, h: Hit, at: number, ends: readonly Hit[]): boolean {
  const c = h.end + 1;
  const complementizer = COMPLEMENTIZERS.has(v.lower[c] ?? '') && (v.lower[c] === 'whether' || v.pos[c] === 'SCONJ');
  return h.end < at && complementizer && !(h.start === h.end && v.pos[h.start] === 'AUX') && !ends.some((b) => b.start > h.end && b.end < at);
}

/** Applies negation, dismissal, hedges, reporting and sarcasm to a cue linked to a claim. */
export function judge(v: TokenView, l: Link): Finding {
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
  const fixed = findPhrases(v, cues.fixed, s, e);
  // A question is genuine (neutral) unless its opener makes it rhetorical: asserting, or doubting the claim.
  // "Ukraine did this 100%, what more evidence you need?": a question clause of its own asks nothing of the cue before it.
  const ownQuestion = questionClause(v, cues.questionTag, s, e);
  const asked = asks(v, s, e) && !(ownQuestion !== undefined && hi < ownQuestion);
  const doubt = asked ? opener(v, cues.doubt, s, e) : undefined;
  const rhetorical = asked ? opener(v, cues.rhetorical, s, e) : undefined;
  // A claim phrase stands after a copula ("I doubt it was a false flag"): a negation reaches it from further back.
  const reach = actor === undefined ? 5 : 3;
  const negation = l.denied ? undefined : findPhrases(v, cues.negation, Math.max(s, lo - reach), hi).find((n) => {
    if (inside(n.start)) return false;
    // "Didn't they blow up apartments in 1999?": the opener of a question that asserts negates nothing.
    if (rhetorical && n.start >= rhetorical.start && n.end <= rhetorical.end) return false;
    if (fixed.some((f) => f.start <= n.start && f.end >= n.end)) return false;
    if (idioms.some((d) => d.start > n.end && d.start - n.end <= 4)) return false;
    const [a, b] = n.start < hit.start ? [n.end, hit.start] : [hit.end, n.start];
    return !boundaries.some((bd) => bd.start > a && bd.end < b);
  });
  if (negation) {
    polarity = -polarity;
    confidence -= 0.05;
    notes.push(`negated by "${v.value[negation.start]}"`);
  } else if (l.denied) {
    polarity = -polarity;
    confidence -= 0.05;
    notes.push(`denied by "${phraseText(v, l.denied)}"`);
  }
  // A reporting verb that is the cue itself: "ISIS claimed responsibility" is the actor's own claim
  // (evidence); "Putin blamed Ukraine" relays someone else's (neutral) unless the commenter speaks ("I blame").
  const reportingCue = findPhrases(v, cues.distancing, hit.start, hit.end).find((r) => r.start === hit.start);
  // "Putin misread the warning as disinformation": what a failure cue's actor dismissed is part of the failure.
  const failedAs = (d: Hit): boolean => cues.failureCues.has(hit.phrase) && d.start > hi && d.start - hi <= 5 && v.lower.slice(hi + 1, d.start).includes('as');
  const dismissal = findPhrases(v, cues.dismissal, s, e).find(
    (d) => !inside(d.start) && !(reportingCue === undefined && interjection(v, d, s, lo)) && !dismissesOther(v, d, lo, hi, hit, l.anchors) && !failedAs(d),
  );
  if (dismissal && polarity > 0) {
    polarity = -1;
    notes.push(`dismissed as "${phraseText(v, dismissal)}"`);
  }
  const question = asked && !doubt && !rhetorical;
  if (doubt && polarity > 0) {
    polarity = -1;
    notes.push(`doubted in a rhetorical question ("${phraseText(v, doubt)}")`);
  } else if (rhetorical) {
    notes.push(`rhetorical question ("${phraseText(v, rhetorical)}")`);
  }
  const inOtherCue = (i: number): boolean => l.cueSpans.some((c) => c !== hit && i >= c.start && i <= c.end);
  const hedges = findPhrases(v, cues.hedge, s, e);
  // A hedge inside a cue that names the actor after it counts ("it might have been ISIS"); inside one that
  // follows the actor it is the actor's ability ("the FSB could have stopped it").
  const hedgedCue = (h: Hit): boolean => hit.phrase.direction === 'after' && h.start >= hit.start && h.end <= hit.end;
  // "It wouldn't be a surprise if ...": a condition after a negation idiom's head hedges nothing.
  const afterIdiom = (h: Hit): boolean => idioms.some((d) => d.end === h.start - 1);
  // A hedge that opens a clause ("I can't rule out that ...", "it's possible that ...") hedges all of it up to a boundary.
  const reportEnds = findPhrases(v, cues.reportEnd, s, e);
  const hedge = hedges.find((h) => (h.end >= lo - 6 || opensClauseTo(v, h, lo, reportEnds)) && h.start <= hi + 2 && (!inside(h.start) || hedgedCue(h)) && !inOtherCue(h.start) && !afterIdiom(h));
  const selfVoice = findPhrases(v, cues.self, s, e);
  const voicedBySelf = (i: number): boolean => selfVoice.some((m) => m.end < i && i - m.end <= 3);
  const selfClaim = reportingCue !== undefined && actor !== undefined && actor.end < hit.start;
  const actorClaims = (i: number): boolean => actor !== undefined && actor.end < i && i - actor.end <= 2;
  // A reporting word relays what follows it up to a contrast ("says X, but Y"), and is no report inside a hedge ("not saying").
  const reportIdioms = findPhrases(v, cues.reportIdiom, s, e);
  const relays = (d: Hit): boolean =>
    !hedges.some((h) => h.start <= d.start && h.end >= d.end) &&
    !reportIdioms.some((h) => h.start <= d.start && h.end >= d.end) &&
    !reportEnds.some((b) => (b.start > d.end && b.end < hit.start) || (b.start > hit.end && b.end < d.start)) &&
    (d.start <= hi || trailingReport(v, hi, d));
  // A source the commenter cites as evidence ("US officials said ...", "according to the NYT") keeps the
  // stance, unless the cue itself is the report ("Russian officials pinned it on Kyiv").
  const distancingHits = findPhrases(v, cues.distancing, s, e);
  const evidentialHits = findPhrases(v, cues.evidential, s, e);
  const cited = !reportingCue && evidentialHits.some((d) => !inside(d.start) && !distancingHits.some((r) => r.start <= d.start && r.end >= d.end));
  const relayedBy = (): Hit | undefined =>
    distancingHits.find((d) => !inside(d.start) && !voicedBySelf(d.start) && !actorClaims(d.start) && relays(d)) ??
    findPhrases(v, cues.denying, s, e).find((d) => !inside(d.start) && !voicedBySelf(d.start) && relays(d));
  const distancing = (reportingCue && !selfClaim && !voicedBySelf(hit.start) ? reportingCue : undefined) ?? (cited ? undefined : relayedBy());
  // Someone else's words: a quotation, a line after a speaker's label ("Putin: it was Ukraine."), or the
  // claim named as a topic ("the ISIS story", "the 'Kyiv did it' crowd").
  // A claim phrase alone in quotation marks is a term ("another "false flag""), not a quotation.
  const quotation = l.quotes.find(([o, c]) => o < lo && hi < c && (actor !== undefined || o < lo - 1 || hi < c - 1));
  const topic = cues.topicCues.has(hit.phrase) ? hit : l.topics.find((t) => t.start > hi && joinedByQuotes(v, hi, t.start));
  const others: { start: number; end: number; why: string } | undefined = quotation
    ? { start: quotation[0] + 1, end: quotation[1] - 1, why: 'quoted' }
    : l.label && hit.start > l.label.end && !voicedBySelf(hit.start)
      ? { start: l.label.start, end: l.label.end, why: 'after the label' }
      : topic
        ? { ...topic, why: 'named as a topic' }
        : undefined;
  const relay = distancing ?? others;
  // The actor's own denial ("Kyiv says it had nothing to do with it") is relayed, unlike its own claim ("ISIS claimed it").
  const ownDenial =
    l.polarity < 0 && !negation && !dismissal && actor !== undefined ? distancingHits.find((d) => d.start > actor.end && d.end < hit.start && actorClaims(d.start)) : undefined;
  const evidential = selfClaim ? reportingCue : evidentialHits.find((d) => !inside(d.start));
  // Scare quotes around the actor or the cue ("the 'ISIS' gunmen"), or around a phrase of a claim voiced to
  // mock it ("the 'Ukrainian trace'"), count as a weak irony cue.
  const scare = l.quotes.some(([o, c]) => (c - o === 2 && v.type[o + 1] === 'word' && inside(o + 1)) || (l.mocked && actor === undefined && o === lo - 1 && c === hi + 1));
  // "Kremlin: it was Ukraine.": a mocked claim put in a speaker's mouth, line by line, is the forum's way of mocking it.
  const mouthed = l.mocked && others?.why === 'after the label';
  const ironyCues = [...(scare ? ['scare quotes'] : []), ...(mouthed ? ["a speaker's line"] : [])];
  const irony = ironyCues.length > 0 ? { strength: l.sarcasm.strength + ironyCues.length, cues: [...l.sarcasm.cues, ...ironyCues] } : l.sarcasm;
  let sarcasm = false;
  let relayed: Finding['relayed'];
  if (irony.strength >= (l.mocked && polarity > 0 ? 1 : 2)) {
    sarcasm = true;
    // A dismissal already reads the irony ("yeah right, Ukraine did it"); flipping again would undo it.
    if (polarity !== 0 && !dismissal) {
      polarity = -polarity;
      confidence = 0.55;
      notes.push(`flipped by sarcasm (${irony.cues.join(', ')})`);
    }
  }
  if (relay && polarity > 0 && irony.strength >= 1 && !dismissal && !hedge) {
    // Relaying a claim with any irony mocks it: "of course they'll blame Ukraine".
    polarity = -1;
    confidence = 0.55;
    sarcasm = true;
    notes.push(`relayed with irony ("${phraseText(v, relay)}"; ${irony.cues.join(', ')})`);
  } else if (!sarcasm && (hedge || question || relay || ownDenial)) {
    const why = hedge
      ? `hedged by "${phraseText(v, hedge)}"`
      : question
        ? 'asked as a question'
        : relay
          ? `${distancing ? 'reported' : others!.why}: "${phraseText(v, relay)}"`
          : `the actor's own denial: "${phraseText(v, ownDenial!)}"`;
    // A denial inside what is relayed is someone else's too ("the White House said there was no sign of
    // Ukrainian involvement", "a spokesman said Ukraine had nothing to do with it"); one after a contrast
    // is the commenter's ("Putin blamed Ukraine, but Ukraine had nothing to do with it").
    const from = !relay ? Infinity : others?.why === 'quoted' ? relay.start : relay.end + 1;
    const reportedDenial = polarity < 0 && !dismissal && others?.why !== 'named as a topic' && from <= hit.start && (!negation || (negation.start >= from && negation.start < hit.start));
    if (polarity > 0 || hedge || question || reportedDenial || ownDenial !== undefined) {
      if (!hedge && polarity > 0) relayed = question ? 'asked' : 'relayed';
      polarity = 0;
      confidence = 0.6;
      notes.push(why);
    }
  } else if (evidential && polarity !== 0) {
    confidence *= 0.85;
    notes.push(`citing "${phraseText(v, evidential)}"`);
  }
  const cue = `cue "${phraseText(v, hit)}"${actor ? ` → ${actor.text}` : ''}`;
  // "The Putin story" may be Putin's story: naming a claim as a topic only counts when it is rejected.
  if (topic === hit && polarity >= 0) {
    return { claim: l.claim, polarity: 0, weight: 0.3, confidence: 0.35, evidence: `${quote(l.text)} [names ${actor?.text ?? ''} with "${phraseText(v, hit)}", no cue links it to the claim]`, sarcasm: false, kind: 'mention', othersWords: true };
  }
  return {
    claim: l.claim,
    polarity: Math.sign(polarity) as -1 | 0 | 1,
    weight: hit.phrase.weight,
    confidence: round(confidence),
    evidence: `${quote(l.text)} [${[cue, ...notes].join('; ')}]`,
    sarcasm,
    kind: l.kind,
    ...(relayed ? { relayed } : {}),
  };
}

/**
 * True when a dismissal is aimed at another claim in its own clause: "Inside job theories are nonsense,
 * this was an ISIS attack" dismisses the inside job, not ISIS. That is when a clause break (comma,
 * semicolon, "but") separates the dismissal from this cue, and none separates it from another cue or
 * claim phrase.
 */
function dismissesOther(v: TokenView, d: Hit, lo: number, hi: number, hit: Hit, anchors: Hit[]): boolean {
  const broken = (a: number, b: number): boolean => {
    const [from, to] = b < d.start ? [b + 1, d.start - 1] : [d.end + 1, a - 1];
    for (let i = from; i <= to; i++) if (CLAUSE_BREAKS.has(v.norm[i]!)) return true;
    return false;
  };
  return broken(lo, hi) && anchors.some((a) => a !== hit && (a.end < lo || a.start > hi) && !broken(a.start, a.end));
}

const CLAUSE_BREAKS = new Set([',', ';', 'but', 'however']);

/**
 * True when a dismissal opens the sentence on its own, set off by a comma, colon or dash, before the
 * cue: "Nonsense, it was the FSB." answers what came before (the quote, the parent, the sentence
 * before), and the rest of the sentence says what the commenter holds instead. Not when the cue
 * relays a claim ("Rubbish, blaming Ukraine for this."): that is what is dismissed.
 */
function interjection(v: TokenView, d: Hit, s: number, lo: number): boolean {
  return d.start === s && d.end + 1 < lo && INTERJECTION_BREAKS.has(v.norm[d.end + 1]!);
}

const INTERJECTION_BREAKS = new Set([',', ':', ';', '-', '–', '—']);

/** The opener of a question (sentence s..e, which `asks`) from the list, as its first or second word. */
export function opener(v: TokenView, list: Phrase[], s: number, e: number): Hit | undefined {
  return findPhrases(v, list, s, e).find((h) => h.start <= s + 1);
}

/** Marks that end a clause before a question clause of its own. */
const CLAUSE_MARKS = new Set([',', ';', '-', '–', '—']);

/**
 * Where the sentence's question starts when it is a clause of its own after an assertion: the clause
 * before the first question mark opens with a tag word (`tags`: a wh-word, "right", "didn't they").
 */
export function questionClause(v: TokenView, tags: Phrase[], s: number, e: number): number | undefined {
  let q = s;
  while (q <= e && v.norm[q] !== '?') q++;
  if (q > e) return undefined;
  let m = q - 1;
  while (m > s && !CLAUSE_MARKS.has(v.norm[m]!)) m--;
  if (m <= s) return undefined;
  return findPhrases(v, tags, m + 1, q).some((h) => h.start === m + 1) ? m + 1 : undefined;
}

/** True when tokens s..e hold a question mark. */
export function asks(v: TokenView, s: number, e: number): boolean {
  for (let i = s; i <= e; i++) if (v.norm[i] === '?') return true;
  return false;
}
