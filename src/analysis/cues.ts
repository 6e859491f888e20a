/** The shared cue lexicons the stance rules consult, loaded once. */
import { phrasesOf } from './lexicon.js';
import type { Phrase } from './phrases.js';

export interface Cues {
  negation: Phrase[];
  boundary: Phrase[];
  idiom: Phrase[];
  fixed: Phrase[];
  dismissal: Phrase[];
  /** Words of a short sentence that rejects what the sentences before it relayed ("Pick one."). */
  followUp: Phrase[];
  hedge: Phrase[];
  /** Words of a short sentence that doubts what the sentence before it said ("No idea how credible that is."). */
  doubtAfter: Phrase[];
  distancing: Phrase[];
  denying: Phrase[];
  evidential: Phrase[];
  self: Phrase[];
  reportEnd: Phrase[];
  reportIdiom: Phrase[];
  sarcasmStrong: Phrase[];
  sarcasmWeak: Phrase[];
  agree: Phrase[];
  disagree: Phrase[];
  filler: Phrase[];
  event: Phrase[];
  /** Words that may stand before "not" and a name in a sentence of only that ("Definitely not ISIS."). */
  fragment: Phrase[];
  rhetorical: Phrase[];
  doubt: Phrase[];
  /** First words of a question clause of its own after an assertion. */
  questionTag: Phrase[];
  target: Phrase[];
  patient: Phrase[];
  prevention: Phrase[];
  /** Words before an actor that name it as a possible culprit ("Maybe ISIS, maybe the FSB."). */
  candidate: Phrase[];
  /** Words right before a cue that are its subject ("Putin knows who did it"). */
  subject: Phrase[];
  /** Labels before a colon after which the commenter speaks ("Edit:", "Me:"). */
  ownLabel: Phrase[];
  /** Attribution cues that name a claim as a topic ("the ISIS story"). */
  topic: Phrase[];
  topicCues: ReadonlySet<Phrase>;
  /** Failure cues, which keep their meaning after a warning word ("warned and chose to ignore it"). */
  failureCues: ReadonlySet<Phrase>;
}

let cues: Cues | undefined;

/** Every cue list by its role in the rules. */
export function sharedCues(): Cues {
  cues ??= {
    negation: phrasesOf('negation', ''),
    boundary: phrasesOf('negation', 'boundary'),
    idiom: phrasesOf('negation', 'idiom'),
    fixed: phrasesOf('negation', 'fixed'),
    fragment: phrasesOf('negation', 'fragment'),
    dismissal: phrasesOf('dismissal', ''),
    followUp: phrasesOf('dismissal', 'follow-up'),
    hedge: phrasesOf('hedge'),
    doubtAfter: phrasesOf('hedge', 'follow-up'),
    distancing: phrasesOf('reporting', 'distancing'),
    denying: phrasesOf('reporting', 'denying'),
    evidential: phrasesOf('reporting', 'evidential'),
    self: phrasesOf('reporting', 'self'),
    reportEnd: phrasesOf('reporting', 'boundary'),
    reportIdiom: phrasesOf('reporting', 'idiom'),
    sarcasmStrong: phrasesOf('sarcasm', 'strong'),
    sarcasmWeak: phrasesOf('sarcasm', 'weak'),
    agree: phrasesOf('agreement', 'agree'),
    disagree: phrasesOf('agreement', 'disagree'),
    filler: phrasesOf('agreement', 'filler'),
    event: phrasesOf('event'),
    rhetorical: phrasesOf('question', 'rhetorical'),
    doubt: phrasesOf('question', 'doubt'),
    questionTag: phrasesOf('question', 'tag'),
    target: phrasesOf('role', 'target'),
    patient: phrasesOf('role', 'patient'),
    prevention: phrasesOf('role', 'prevention'),
    candidate: phrasesOf('role', 'candidate'),
    subject: phrasesOf('role', 'subject'),
    ownLabel: phrasesOf('reporting', 'label'),
    topic: phrasesOf('attribution', 'topic'),
    topicCues: new Set(phrasesOf('attribution', 'topic')),
    failureCues: new Set(phrasesOf('failure')),
  };
  return cues;
}
