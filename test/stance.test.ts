/**
 * The stance rules, one table per phenomenon of the codebook, in short sentences written for these
 * tests (none is taken from the seed thread). Each row: the comment, the claim, the expected stance.
 * Rows after a neutral opening post ("Attack on a concert hall near Moscow.") so no claim is the topic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTexts } from './helpers.js';

const ROOT = 'Attack on a concert hall near Moscow.';
type Row = [text: string, claim: string, stance: string];

function check(rows: Row[]): void {
  for (const [text, claim, stance] of rows) {
    const result = analyzeTexts([ROOT, text], [null, null])[1]!;
    const j = result.stances.get(claim)!;
    assert.equal(j.stance, stance, `"${text}" → ${claim}: expected ${stance}, got ${j.stance} (${j.evidence})`);
    if (stance !== 'none') assert.ok(j.evidence.length > 0, `"${text}": a ${stance} judgement must carry evidence`);
  }
}

test('explicit attribution supports the claim', () => {
  check([
    ['ISIS did it, plain and simple.', 'isis', 'support'],
    ['The Islamic State carried out this massacre.', 'isis', 'support'],
    ['ISIS-K has been hitting targets all over Central Asia.', 'isis', 'support'],
    ['Daesh was behind the attack.', 'isis', 'support'],
    ['The FSB orchestrated the whole thing.', 'fsb', 'support'],
    ['Kyiv is responsible for this.', 'ukraine', 'support'],
    ['The CIA was behind it.', 'west', 'support'],
  ]);
});

test('the acronym IS is told apart from the verb "is", US from "us"', () => {
  check([
    ['IS claimed responsibility within hours.', 'isis', 'support'],
    ['It is horrible and it is sad.', 'isis', 'none'],
    ['This is what is behind the anger.', 'isis', 'none'],
    ['Let us hope this is over soon.', 'west', 'none'],
  ]);
});

test('hyphen and dash variants of names match', () => {
  check([
    ['ISIS\u2011K carried out the attack.', 'isis', 'support'],
    ['ISIS-K carried out the attack.', 'isis', 'support'],
    ['IS-KP carried out the attack.', 'isis', 'support'],
  ]);
});

test('negation and denial oppose the claim', () => {
  check([
    ['Ukraine had nothing to do with it.', 'ukraine', 'oppose'],
    ["Ukraine wasn't behind the attack.", 'ukraine', 'oppose'],
    ['There is no evidence of Ukraine being involved.', 'ukraine', 'oppose'],
    ['The CIA did not do this.', 'west', 'oppose'],
    ['It was not a false flag.', 'fsb', 'oppose'],
  ]);
});

test('negation idioms do not reverse the claim', () => {
  check([
    ['No doubt ISIS did it.', 'isis', 'support'],
    ['I doubt Ukraine had anything to do with it.', 'ukraine', 'oppose'],
    ["It wouldn't be a surprise if the FSB was behind it.", 'fsb', 'support'],
    ["I'm not surprised ISIS did this.", 'isis', 'support'],
  ]);
});

test('negation scope stops at clause boundaries', () => {
  check([
    ['Ukraine would never do this, and the MO is exactly that of ISIS.', 'isis', 'support'],
    ['Ukraine would never do this, and the MO is exactly that of ISIS.', 'ukraine', 'oppose'],
  ]);
});

test('hedges and genuine questions are neutral', () => {
  check([
    ["Not saying it was the FSB, but it's awfully convenient for Putin.", 'fsb', 'support'],
    ["I'm not saying it was the CIA.", 'west', 'neutral'],
    ['Maybe Ukraine was behind it, who knows.', 'ukraine', 'neutral'],
    ['Was it the FSB?', 'fsb', 'neutral'],
    ['Allegedly ISIS-K planned it.', 'isis', 'neutral'],
    ["I can't decide if this is a false flag.", 'fsb', 'neutral'],
  ]);
});

test('reported speech is neutral; cited evidence keeps the stance', () => {
  check([
    ['The Kremlin claims Ukraine was behind the attack.', 'ukraine', 'neutral'],
    ['Putin blamed Ukraine for the attack.', 'ukraine', 'neutral'],
    ['According to US intelligence, ISIS-K planned the attack.', 'isis', 'support'],
    ['I blame the FSB for this.', 'fsb', 'support'],
    ['The Kremlin says Ukraine did it, but ISIS did it.', 'ukraine', 'neutral'],
    ['The Kremlin says Ukraine did it, but ISIS did it.', 'isis', 'support'],
    ["This was Putin's doing.", 'fsb', 'support'],
    ['Ukraine denied any involvement.', 'ukraine', 'neutral'],
  ]);
});

test('dismissals reject the claim', () => {
  check([
    ['Blaming Ukraine is absurd propaganda.', 'ukraine', 'oppose'],
    ['The idea that the CIA did it is nonsense.', 'west', 'oppose'],
    ['Imagine believing the Kremlin when they say Kyiv planned it.', 'ukraine', 'oppose'],
  ]);
});

test('sarcasm flips the literal reading; a single weak cue does not', () => {
  check([
    ['Oh sure, IT WAS UKRAINE ALL ALONG!!!', 'ukraine', 'oppose'],
    ['Yeah right, Ukraine did it. How convenient.', 'ukraine', 'oppose'],
    ['Clearly ISIS did it.', 'isis', 'support'],
    ['ISIS-K claimed it and the evidence clearly points to them.', 'isis', 'support'],
    // ukraine is marked `mocked` in the Crocus claims: one weak cue is enough, and it colours the comment.
    ["Clearly it was Ukraine. Just like everything else is Ukraine's fault.", 'ukraine', 'oppose'],
  ]);
});

test('an actor named in another role says nothing about its claim', () => {
  check([
    ['Since Russia invaded Ukraine, nothing surprises me.', 'ukraine', 'none'],
    ['Putin has been bombing IS in Syria for years.', 'isis', 'none'],
    ['The US warned Russia about an attack weeks ago.', 'west', 'none'],
    ['Security is tight in occupied Ukraine now.', 'ukraine', 'none'],
    ['ISIS was attacked by Russian jets in Syria last year.', 'isis', 'none'],
    ['The FSB was targeted in the raid.', 'fsb', 'none'],
    ['Putin used the attack to rally support.', 'fsb', 'none'],
    ['Putin claimed the attackers were fleeing to Ukraine.', 'fsb', 'none'],
    ['Putin attacked Ukraine two years ago.', 'fsb', 'none'],
  ]);
});

test('security failure: negligence by the state, not authorship', () => {
  check([
    ['The FSB ignored the warnings.', 'security_failure', 'support'],
    ['Russian police took over an hour to arrive; slow response everywhere.', 'security_failure', 'support'],
    ['The security services failed to prevent it.', 'security_failure', 'support'],
    ['The FSB ignored the warnings.', 'fsb', 'none'],
    ['Russian security services were busy hunting protesters instead of terrorists.', 'security_failure', 'support'],
    ['The FSB got sloppy at home.', 'security_failure', 'support'],
  ]);
});

test('a reply that only agrees or disagrees takes its stance from the parent', () => {
  const thread = ['ISIS carried out the attack, no doubt about it.', 'Exactly.', 'Nope.', 'Seth Meyers Yes GIF by Late Night with Seth Meyers'];
  const rows = analyzeTexts(thread, [null, 'c0', 'c0', 'c0']);
  assert.equal(rows[0]!.stances.get('isis')!.stance, 'support');
  const agree = rows[1]!.stances.get('isis')!;
  assert.equal(agree.stance, 'support');
  assert.ok(agree.confidence < rows[0]!.stances.get('isis')!.confidence, 'inherited stance is less certain');
  assert.match(agree.evidence, /^agrees with comment 0/);
  assert.equal(rows[2]!.stances.get('isis')!.stance, 'oppose');
  assert.equal(rows[3]!.stances.get('isis')!.stance, 'support');
  assert.equal(rows[3]!.stances.get('ukraine')!.stance, 'none');
});

test('more ways to only agree: "Same here.", "This is where I am too."', () => {
  const rows = analyzeTexts(['The Kremlin ignored the American warning.', 'Same here.', 'This is where I am too.', 'Well put.'], [null, 'c0', 'c0', 'c0']);
  for (const i of [1, 2, 3]) assert.equal(rows[i]!.stances.get('security_failure')!.stance, 'support', `reply ${i}`);
});

test('an agreeing reply to an ambiguous parent stays none', () => {
  const rows = analyzeTexts(['Maybe ISIS, maybe not, who knows.', 'True, I guess.'], [null, 'c0']);
  assert.equal(rows[0]!.stances.get('isis')!.stance, 'neutral');
  assert.equal(rows[1]!.stances.get('isis')!.stance, 'none');
});

test("the opening post's claim is the topic: event words and bare mentions address it", () => {
  const rows = analyzeTexts(
    ['Islamic State claims responsibility for Moscow concert attack', 'What a horrible attack.', 'ISIS has branches everywhere now.', 'Putin is fine.'],
    [null, 'c0', 'c0', 'c0'],
  );
  assert.equal(rows[1]!.stances.get('isis')!.stance, 'neutral');
  assert.equal(rows[2]!.stances.get('isis')!.stance, 'neutral');
  assert.equal(rows[3]!.stances.get('isis')!.stance, 'none');
  assert.equal(rows[1]!.stances.get('ukraine')!.stance, 'none', 'only the topic claim is addressed');
});

test('quoted text is context: the comment is judged by what it does with the quote', () => {
  const quote = '> Ukraine was behind the attack.\n> The evidence points to Kyiv.';
  const rows = analyzeTexts([ROOT, `${quote}\n\nExactly.`, `${quote}\n\nNope.`, `${quote}\n\nWhat absurd propaganda.`, `${quote}\n\nAnyway, the weather is nice.`], [null, null, null, null, null]);
  assert.equal(rows[1]!.stances.get('ukraine')!.stance, 'support');
  assert.match(rows[1]!.stances.get('ukraine')!.evidence, /^agrees with the quoted text/);
  assert.equal(rows[2]!.stances.get('ukraine')!.stance, 'oppose');
  assert.equal(rows[3]!.stances.get('ukraine')!.stance, 'oppose');
  assert.match(rows[3]!.stances.get('ukraine')!.evidence, /^ridicules the quoted text/);
  assert.equal(rows[4]!.stances.get('ukraine')!.stance, 'none', 'a quote alone is not the commenter\'s voice');
  assert.deepEqual(rows[4]!.comment.quoted, ['Ukraine was behind the attack.', 'The evidence points to Kyiv.']);
});

test('the sarcasm column lists the cues of ironic sentences, and only those', () => {
  const rows = analyzeTexts([ROOT, 'Oh sure, IT WAS UKRAINE ALL ALONG!!!', 'Clearly ISIS did it.', 'How convenient. :rolling_eyes:'], [null, null, null, null]);
  assert.deepEqual(rows[1]!.sarcasm, ['"all along"', '"sure"', 'capitals', '"!!!"']);
  assert.deepEqual(rows[2]!.sarcasm, []);
  assert.deepEqual(rows[3]!.sarcasm, ['"how convenient"']);
});

test('an opening post that only relays a claim or names an actor makes no topic', () => {
  const rows = analyzeTexts(['Kremlin blames Ukraine for concert hall attack', 'What a horrible attack.', 'Putin will use this.'], [null, 'c0', 'c0']);
  assert.equal(rows[0]!.stances.get('ukraine')!.stance, 'neutral', 'the title relays the Kremlin');
  for (const claim of ['ukraine', 'fsb', 'isis']) assert.equal(rows[1]!.stances.get(claim)!.stance, 'none', claim);
  assert.equal(rows[2]!.stances.get('fsb')!.stance, 'none');
});

test('a dismissal is aimed at the claim of its own clause', () => {
  check([
    ['False flag talk is rubbish, ISIS-K carried this out.', 'isis', 'support'],
    ['False flag talk is rubbish, ISIS-K carried this out.', 'fsb', 'oppose'],
    ['The claim that the FSB planned it is absurd.', 'fsb', 'oppose'],
  ]);
});

test('a cue right after a denial belongs to the denial', () => {
  check([
    ['London would be insane to do something like this.', 'west', 'oppose'],
    ['The Ukrainians would have to be suicidal to do it.', 'ukraine', 'oppose'],
  ]);
});

test('a doubting question about an actor opposes its claim', () => {
  check([
    ['Why would the CIA want a massacre in Moscow?', 'west', 'oppose'],
    ['Why would Zelensky risk American aid?', 'ukraine', 'oppose'],
    // the doubt is about Putin, not about the claim Putin relays
    ['Why would Putin blame Kyiv so fast?', 'fsb', 'oppose'],
    ["What's the point of Ukraine doing this?", 'ukraine', 'oppose'],
    // it doubts that the actor did it, which says nothing of negligence
    ['What would Russia have to gain from doing such a thing?', 'security_failure', 'none'],
    ['Why would the Kremlin do this to its own people?', 'fsb', 'oppose'],
  ]);
});

test('reported speech: a reporting cue of several words, and third parties who think or repeat', () => {
  check([
    ['Russian officials pinned it on Kyiv within a day.', 'ukraine', 'neutral'],
    ['Many Russians believe the CIA organized it.', 'west', 'neutral'],
    ['I believe the CIA organized it.', 'west', 'support'],
    ['State television keeps repeating that London planned it.', 'west', 'neutral'],
  ]);
});

test('negation words and idioms: "zero", "nobody seriously believes", "wouldn\'t put it past"', () => {
  check([
    ['Zero chance the West did this.', 'west', 'oppose'],
    ['Nobody seriously believes Kyiv planned it.', 'ukraine', 'oppose'],
    ["I wouldn't put it past the Kremlin to stage an attack.", 'fsb', 'support'],
  ]);
});

test('security failure: states and arrivals', () => {
  check([
    ['The security services were focused on protesters, not terrorists.', 'security_failure', 'support'],
    ['The riot police got there far too late.', 'security_failure', 'support'],
    ['The FSB brushed off the American tip.', 'security_failure', 'support'],
    ['So much for the vaunted Russian security services.', 'security_failure', 'support'],
  ]);
});

test('a hedge inside a naming cue counts; a modal after the actor is its ability', () => {
  check([
    ['It might have been the CIA.', 'west', 'neutral'],
    ['The FSB could have prevented it.', 'security_failure', 'support'],
    ['Daesh took credit the same night.', 'isis', 'support'],
    ['Every time anything happens they blame Kyiv.', 'ukraine', 'oppose'],
    ['No one in their right mind thinks MI6 did this.', 'west', 'oppose'],
  ]);
});

test('a short dismissal rejects what the sentence before relayed or asked', () => {
  check([
    ['The Kremlin claims Kyiv was behind it. Total nonsense.', 'ukraine', 'oppose'],
    ['The CIA did it? Give me a break.', 'west', 'oppose'],
    ['Patrushev says London planned it. We will see.', 'west', 'neutral'],
    // the actor's own claim is not relayed: the dismissal has nothing to reject
    ['ISIS claimed responsibility on Telegram. The Kremlin ignored it.', 'isis', 'support'],
  ]);
});

test('conditions, alternatives and kinds of evidence', () => {
  check([
    ['If the CIA had done this, we would know by now.', 'west', 'neutral'],
    ['Either the FSB staged it or the FSB slept through it.', 'fsb', 'neutral'],
    ['There is no credible evidence that Kyiv was involved.', 'ukraine', 'oppose'],
    ['It was a Ukrainian provocation.', 'ukraine', 'support'],
    ['The FSB would never kill its own citizens.', 'fsb', 'oppose'],
  ]);
});

test('intensifiers inside a cue phrase do not hide it; "not a chance", failure after a warning', () => {
  check([
    ['Kyiv had absolutely nothing to do with it.', 'ukraine', 'oppose'],
    ['The Kremlin was literally behind it.', 'fsb', 'support'],
    ['Not a chance that the CIA planned it.', 'west', 'oppose'],
    ['Moscow got warned and the FSB chose to ignore it.', 'security_failure', 'support'],
    ['The so-called Ukrainian link is a Kremlin invention.', 'ukraine', 'oppose'],
  ]);
});

test('a cue holds for every actor of a list; a naming cue does not reach past another cue', () => {
  check([
    ['Patrushev blamed Kyiv, London and Washington.', 'ukraine', 'neutral'],
    ['Patrushev blamed Kyiv, London and Washington.', 'west', 'neutral'],
    ['Ukraine and the CIA organized it together.', 'ukraine', 'support'],
    ['Ukraine and the CIA organized it together.', 'west', 'support'],
    ['It was a failure of the Kremlin, nothing more.', 'fsb', 'none'],
    ['It was a failure of the Kremlin, nothing more.', 'security_failure', 'support'],
  ]);
});

test('a short ironic sentence rejects what the sentence before relayed', () => {
  check([
    ['Medvedev says Kyiv planned it. Of course he does.', 'ukraine', 'oppose'],
    ['Medvedev says Kyiv planned it. The investigation goes on.', 'ukraine', 'neutral'],
  ]);
});

test('more ways of saying it: allegiance, better things to do, taking ages', () => {
  check([
    ['The gunmen had pledged allegiance to Daesh.', 'isis', 'support'],
    ['The CIA has better things to do than shoot up concerts.', 'west', 'oppose'],
    ['The riot police took ages to get there.', 'security_failure', 'support'],
    ['The FSB sat on the American warning.', 'security_failure', 'support'],
    ['Kyiv is being scapegoated.', 'ukraine', 'oppose'],
  ]);
});

test("the Kremlin's evidence, the gunmen's way out to Ukraine, is the Ukraine claim", () => {
  check([
    ['Putin says the gunmen tried to escape to Ukraine.', 'ukraine', 'neutral'],
    ['The shooters were caught heading for Ukraine, which says it all.', 'ukraine', 'support'],
    ['They fled toward Ukraine? Nonsense.', 'ukraine', 'oppose'],
  ]);
});

test("someone else's words are relayed: a quotation, a speaker's label, a claim named as a topic", () => {
  check([
    ['Every second reply here is "the CIA planned it" and nothing else.', 'west', 'neutral'],
    // a claim the forum mocks, put in a speaker's mouth, is mocked; any other is relayed
    ['State TV: Kyiv organized it.', 'ukraine', 'oppose'],
    ['Other half: ISIS did it.', 'isis', 'neutral'],
    ['Genuine question: was it Ukraine?', 'ukraine', 'neutral'],
    ['Edit: ISIS did it, the FSB confirmed the arrests.', 'isis', 'support'],
    ['BREAKING NEWS: ISIS claimed the attack.', 'isis', 'support'],
    ['My take: the FSB let it happen.', 'fsb', 'support'],
    // A claim named as a topic is someone else's: with the claim file's on_mention, addressed (neutral), not taken.
    ['The Ukraine theory is all over Telegram.', 'ukraine', 'neutral'],
    ['The Ukraine story is not believable.', 'ukraine', 'oppose'],
    ["I'm not buying the ISIS story.", 'isis', 'oppose'],
    ["The ISIS attack was the worst in years, and the story isn't over.", 'isis', 'support'],
    ['Funny how the "Kyiv did it" crowd went silent.', 'ukraine', 'oppose'],
  ]);
});

test('irony: scare quotes around the actor or cue, none from inside a quotation', () => {
  check([
    ['Funny how the "ISIS" shooters knew exactly where to go.', 'isis', 'oppose'],
    ['Funny how the "ISIS" shooters knew exactly where to go.', 'ukraine', 'none'],
    ["Lavrov said 'of course Ukraine is behind it' on TV.", 'ukraine', 'neutral'],
    ['Of course Lavrov says Ukraine is behind it.', 'ukraine', 'oppose'],
  ]);
});

test('a hedged name is a candidate; IS before a verb is the actor', () => {
  check([
    ['Maybe ISIS, maybe someone else.', 'isis', 'neutral'],
    ['IS released the video a day later.', 'isis', 'support'],
    ['IS claimed it and IS attacked the hall.', 'isis', 'support'],
  ]);
});

test('a short sentence after a run of relayed claims rejects them all', () => {
  check([
    ['Monday: Ukraine did it. Tuesday: the CIA did it. Pick one.', 'ukraine', 'oppose'],
    ['Monday: Ukraine did it. Tuesday: the CIA did it. Pick one.', 'west', 'oppose'],
    ['Patrushev keeps pointing at Kyiv. Nothing new.', 'ukraine', 'oppose'],
    ['Patrushev keeps pointing at Kyiv. The inquiry goes on.', 'ukraine', 'neutral'],
  ]);
});

test('a reporting word after the cue relays it only when set off by a pause, not in a clause of its own', () => {
  check([
    ['ISIS did it, Putin says.', 'isis', 'neutral'],
    ['It was Ukraine, Bortnikov claimed on Tuesday.', 'ukraine', 'neutral'],
    ['The FSB staged it to blame Ukraine.', 'fsb', 'support'],
    ['ISIS did it and Putin blamed Ukraine anyway.', 'isis', 'support'],
    ['Putin orchestrated the bombings so he could blame the Chechens.', 'fsb', 'support'],
    ['ISIS-K carried out the attack, suggesting a wider network.', 'isis', 'support'],
    // a thing that suggests is the commenter's inference; a person who suggests relays
    ['The timing suggests a false flag.', 'fsb', 'support'],
    ['Putin suggests Ukraine was behind it.', 'ukraine', 'neutral'],
  ]);
});

test('"has something to do with" names who follows it when no actor stands before it; "the suspects" report nothing', () => {
  check([
    ['This has something to do with ISIS.', 'isis', 'support'],
    ['I think ISIS had something to do with it.', 'isis', 'support'],
    ["The suspects are all from Tajikistan, so I wouldn't be surprised if this has something to do with ISIS.", 'isis', 'support'],
    ['Many suspect the FSB did it.', 'fsb', 'neutral'],
  ]);
});

test("a cue of one claim reaches past another side's actor that is only a preposition's object", () => {
  check([
    ['Russia got a warning from the US two weeks before and did nothing.', 'security_failure', 'support'],
    ['Russia got a warning from the US two weeks before and did nothing.', 'west', 'none'],
  ]);
});

test("an alias holding another side's alias is its own side's only", () => {
  check([
    ['Ukrainian security services are behind it.', 'ukraine', 'support'],
    ['Ukrainian security services are behind it.', 'fsb', 'none'],
    ['Russian security services are behind it.', 'fsb', 'support'],
    ['The Russian security services failed.', 'security_failure', 'support'],
  ]);
});

test('a failure cue after "was" or "got" says what state the actor was in, unlike a passive attack cue', () => {
  check([
    ['Russia got caught with their pants down.', 'security_failure', 'support'],
    ['The FSB was caught napping.', 'security_failure', 'support'],
    ['The police were distracted.', 'security_failure', 'support'],
    ['They shot at people for an hour without being stopped.', 'security_failure', 'support'],
    // what the actor dismissed is part of the failure; a dismissal of the claim still rejects it
    ['Putin misread the US warning as propaganda.', 'security_failure', 'support'],
    ['The claim that the FSB failed is nonsense.', 'security_failure', 'oppose'],
    ['ISIS was attacked by Russian jets in Syria last year.', 'isis', 'none'],
  ]);
});

test('a denial or a negation before a claim phrase, across "it was", reverses it', () => {
  check([
    ['There is no evidence it was a false flag.', 'fsb', 'oppose'],
    ['No proof that this was an inside job.', 'fsb', 'oppose'],
    ['I doubt it was a false flag.', 'fsb', 'oppose'],
    // the "n't" of a question that asserts negates nothing
    ["Didn't they blow up apartments in 1999?", 'fsb', 'support'],
    ["Isn't it obvious the FSB let it happen?", 'fsb', 'support'],
    // a clause boundary ends the denial; "no doubt" is no negation
    ['There is no evidence, and it was a false flag.', 'fsb', 'support'],
    ['No doubt it was a false flag.', 'fsb', 'support'],
  ]);
});

test('irony: a "mysterious" culprit with "convenient timing"; "What a coincidence." after a relayed claim', () => {
  check([
    ['Such a strange attack by this mysterious IS, and convenient timing too!', 'isis', 'oppose'],
    ['Putin says Ukraine did it. What a coincidence.', 'ukraine', 'oppose'],
    ['ISIS did it. What a coincidence that the FSB was warned.', 'isis', 'support'],
  ]);
});

test('a bet names who did it; "Unbelievable." after a relayed claim dismisses it', () => {
  check([
    ["My money's on the FSB.", 'fsb', 'support'],
    ['ISIS claimed it, but Russia still insists Ukraine is behind it. Unbelievable.', 'ukraine', 'oppose'],
    ['ISIS claimed it, but Russia still insists Ukraine is behind it. Unbelievable.', 'isis', 'support'],
  ]);
});

test('a short sentence that doubts the one before it leaves its side open, and is no ironic "sure"', () => {
  check([
    ['ISIS is taking credit for this. No idea how credible that is.', 'isis', 'neutral'],
    ['The FSB let it happen. Take that with a grain of salt.', 'fsb', 'neutral'],
    ['Putin blamed Ukraine. Not sure if that is true.', 'ukraine', 'neutral'],
    ['Putin blamed Ukraine. Sure, Jan.', 'ukraine', 'oppose'],
    // Doubt about something else is no doubt about the claim.
    ['ISIS-K claimed it. Not sure how they got in.', 'isis', 'support'],
    ['ISIS did it. Time will tell why they chose Russia.', 'isis', 'support'],
  ]);
});

test('the dismissed warnings, an empty "where were the police?" and the group\'s own footage', () => {
  check([
    ['Putin called the warnings a provocation and did nothing.', 'security_failure', 'support'],
    ['Where were the cops for an hour?', 'security_failure', 'support'],
    ['The Kremlin shrugged and went back to hunting protesters.', 'security_failure', 'support'],
    ['Amaq posted the claim the same night.', 'isis', 'support'],
    ['IS-K has been going after Russia since the Syria campaign.', 'isis', 'support'],
  ]);
});

test('quotation marks: a quoted clause is relayed, a quoted term is not, and they do not break a list', () => {
  check([
    ["Those 'Kyiv did it' people are loud today.", 'ukraine', 'neutral'],
    ['Another "inside job", obviously the FSB.', 'fsb', 'support'],
    ['Channel One blamed Kyiv and the "Anglo-Saxons" within hours.', 'west', 'neutral'],
  ]);
});

test('a denial inside what is relayed is relayed; one after it is the commenter\'s', () => {
  check([
    ['A spokesman said Ukraine had nothing to do with it.', 'ukraine', 'neutral'],
    ['Kyiv says it had nothing to do with it.', 'ukraine', 'neutral'],
    ['Kyiv had nothing to do with it.', 'ukraine', 'oppose'],
    ['The Kremlin said there was no sign of Ukrainian involvement.', 'ukraine', 'neutral'],
    ['US officials said there was no sign of Ukrainian involvement.', 'ukraine', 'oppose'],
    ['US officials said ISIS-K did it.', 'isis', 'support'],
    ['Putin blamed Ukraine, but Ukraine had nothing to do with it.', 'ukraine', 'oppose'],
    ['That said, the whole thing screams ISIS.', 'isis', 'support'],
  ]);
});

test('a cue naming who follows does not reach past a noun; the Kremlin will blame, a term in scare quotes', () => {
  check([
    ['That was the warning the CIA passed on.', 'west', 'none'],
    ['It was the CIA.', 'west', 'support'],
    ['The Kremlin will blame Kyiv, as always.', 'ukraine', 'oppose'],
    ["State TV keeps talking about the 'Ukrainian trace'.", 'ukraine', 'oppose'],
    ['Some say another "false flag", and they may be right.', 'fsb', 'neutral'],
  ]);
});

test('more cues: an IS cell, orders from Kyiv, a CIA project, police nowhere to be seen', () => {
  check([
    ['An IS cell did the shooting.', 'isis', 'support'],
    ['The gunmen took orders from Kyiv.', 'ukraine', 'support'],
    ['Daesh was a CIA project from the start.', 'west', 'support'],
    ['The riot police were nowhere for an hour.', 'security_failure', 'support'],
    ['Ah yes, the famous Ukrainian special forces, they planned it all on Telegram.', 'ukraine', 'oppose'],
  ]);
});

test('acronyms in lower case count where wink reads no function word; failure named without an actor', () => {
  check([
    ['the fsb was too busy chasing protesters', 'security_failure', 'support'],
    ['the cia did it', 'west', 'support'],
    ['tell us who did it', 'west', 'none'],
    ['it is what it is', 'isis', 'none'],
    ['Incompetence, pure and simple.', 'security_failure', 'support'],
    ['The Kremlin looked the other way on purpose.', 'fsb', 'support'],
  ]);
});

test('a subject word right before the cue keeps a farther actor out of it', () => {
  check([
    ['Putin knows exactly who did it.', 'fsb', 'none'],
    ['The CIA, who planned it, stays quiet.', 'west', 'support'],
    ['Putin waved off the American warning.', 'security_failure', 'support'],
  ]);
});

test('a short sentence relaying someone else\'s dismissal rejects nothing itself', () => {
  check([
    ['Putin said a window had been prepared for them on the Ukrainian side. Kyiv called that absurd.', 'ukraine', 'neutral'],
    ['Putin said a window had been prepared for them on the Ukrainian side. Absurd.', 'ukraine', 'oppose'],
  ]);
});

test('a motive of the armed group, where the trail leads, the group answering for it', () => {
  check([
    ['IS-K has hated Moscow since Chechnya.', 'isis', 'support'],
    ['Follow the money: the trail leads to Langley.', 'west', 'support'],
    ['Bankova will answer for this.', 'ukraine', 'support'],
    ['It took the police over an hour to get inside.', 'security_failure', 'support'],
  ]);
});

test('the blackmail line, pulling the trigger, a track record, orders from whom', () => {
  check([
    ['The Kremlin calls it blackmail, then this.', 'security_failure', 'support'],
    ['Kyiv pulled the trigger.', 'ukraine', 'support'],
    ['IS has a long record of exactly this.', 'isis', 'support'],
    ['The FSB says the gunmen were ordered by Kyiv.', 'ukraine', 'neutral'],
    ['I am not buying the FSB stuff.', 'fsb', 'oppose'],
  ]);
});

test('security forces that could not get there, find or stop them, and nobody answering for it', () => {
  check([
    ['The riot police couldn\'t get to the hall in an hour.', 'security_failure', 'support'],
    ['The same cops couldn\'t find four men with rifles.', 'security_failure', 'support'],
    ['Spetsnaz took about an hour to arrive.', 'security_failure', 'support'],
    ['The FSB knew about the networks for years and let it fester.', 'security_failure', 'support'],
    ['Nobody stopped them for twenty minutes.', 'security_failure', 'support'],
    ['Rosgvardia chief still in his chair. In a normal country heads would roll.', 'security_failure', 'support'],
    ['The Kremlin sneered at the warning.', 'security_failure', 'support'],
    ['IS has been at war with Russia since Syria.', 'isis', 'support'],
    ['The police arrived within minutes.', 'security_failure', 'none'],
  ]);
});

test('a planner named, a claim repeated with a straight face, fan fiction, a lane not picked', () => {
  check([
    ['Washington was the planner.', 'west', 'support'],
    ['Knowing ISIS-K was planning something doesn\'t make Washington the planner.', 'west', 'oppose'],
    ['People here repeat "Ukraine ordered it" with a straight face.', 'ukraine', 'oppose'],
    ['Putin said a window was prepared for them in Ukraine. I\'ve read more believable fanfic.', 'ukraine', 'oppose'],
    ['The official line went from a Ukrainian trace to orders from Kyiv in three days. Pick a lane.', 'ukraine', 'oppose'],
    ['Moscow says Kyiv ordered it. Very credible.', 'ukraine', 'oppose'],
  ]);
});

test('a dismissal that opens the sentence, set off by a comma or colon, answers what came before', () => {
  check([
    ['Nonsense, it was the FSB.', 'fsb', 'support'],
    ['Bullshit, the FSB did it.', 'fsb', 'support'],
    ['Nonsense: Ukraine had nothing to do with it.', 'ukraine', 'oppose'],
    // A relayed claim is what the dismissal rejects.
    ['Rubbish, blaming Ukraine for this.', 'ukraine', 'oppose'],
    // Not set off: the dismissal is the sentence's verdict.
    ['Nonsense that the FSB did it.', 'fsb', 'oppose'],
  ]);
});

test('a bare mention takes the claim file\'s on_mention reading, flagged for review; in someone else\'s words it is neutral', () => {
  check([
    ['ISIS. Obviously.', 'isis', 'support'],
    ['Anyone who has followed IS-K since Kabul airport saw this coming.', 'isis', 'support'],
    ['Ukraine? Please.', 'ukraine', 'oppose'],
    ['Moscow accused Ukraine the same evening.', 'ukraine', 'neutral'],
    // West and the FSB have no on_mention in claims/crocus.yaml: a bare mention stays none.
    ['The CIA has a long memory.', 'west', 'none'],
    ['The FSB headquarters is on Lubyanka Square.', 'fsb', 'none'],
    // A role the role words do not catch is read too: the cost measured in the README ("How far to trust it").
    ['Maybe Ukraine will get more aid now.', 'ukraine', 'oppose'],
  ]);
  const [, row] = analyzeTexts([ROOT, 'ISIS. Obviously.'], [null, null]);
  const j = row!.stances.get('isis')!;
  assert.equal(j.confidence, 0.35);
  assert.equal(j.score, 0.35);
  assert.match(j.evidence, /names ISIS, no cue links it to the claim\]; read as support, how the claim file reads a bare mention \(on_mention\)$/);
  assert.equal(row!.needsReview, true);
  assert.match(row!.reviewReason, /isis: low confidence 0.35/);
});

test('a verdict reached before the bodies were cold, a claim called dumb, where the police were, nobody held accountable', () => {
  check([
    ['Moscow blamed Kyiv before the bodies were even counted.', 'ukraine', 'oppose'],
    ['The pundits decided it was ISIS before the smoke cleared.', 'isis', 'oppose'],
    ['The Ukraine angle is so dumb.', 'ukraine', 'oppose'],
    ['Blaming the CIA is idiotic.', 'west', 'oppose'],
    ['I still want to know where the cops were.', 'security_failure', 'support'],
    ['Hundreds dead and nobody was held accountable.', 'security_failure', 'support'],
    // Said in the commenter's own voice, the claim stands.
    ['It was ISIS, and the police were nowhere near.', 'isis', 'support'],
  ]);
});

test('"let me guess" makes a question mock the claim; the opening post reads a bare mention as any comment does', () => {
  check([
    ['Let me guess, the FSB did it, like 1999?', 'fsb', 'oppose'],
    ['Let me guess: Ukraine was behind it?', 'ukraine', 'oppose'],
  ]);
  const op = (text: string) => analyzeTexts([text], [null])[0]!.stances;
  // Putin is named, nothing is said of an inside job or of negligence.
  const named = op('Putin blames Ukraine for the concert hall massacre, despite Islamic State claiming responsibility');
  assert.equal(named.get('fsb')!.stance, 'none');
  assert.equal(named.get('security_failure')!.stance, 'none');
  assert.equal(named.get('ukraine')!.stance, 'neutral');
  assert.equal(op('Police close roads around the concert hall').get('security_failure')!.stance, 'none');
  // The claim file's on_mention reading holds for the opening post too.
  assert.equal(op('What ISIS wants in Central Asia').get('isis')!.stance, 'support');
});

test('a hedge that opens a clause hedges all of it; warnings ignored, a slow response, a state that lets it happen', () => {
  check([
    ['I can\'t rule out that some part of the Russian security apparatus let this happen.', 'fsb', 'neutral'],
    ['It is quite possible that the plotters of these ISIS attacks trained in Afghanistan.', 'isis', 'neutral'],
    // "that" as a relative pronoun opens no clause after a month.
    ['An analysis from last May that lays it out: a classic FSB operation.', 'fsb', 'support'],
    // A hedge before a contrast hedges nothing after it.
    ['It might look odd, but the Russian state let this happen.', 'fsb', 'support'],
    ['They chose to ignore the warnings from Washington.', 'security_failure', 'support'],
    ['The Americans gave a warning two weeks before.', 'security_failure', 'support'],
    ['It took them like an hour to go in.', 'security_failure', 'support'],
    ['Where was everyone while the hall burned?', 'security_failure', 'support'],
    ['After an hour\'s wait in the lodge we skied on.', 'security_failure', 'none'],
  ]);
});

test('a question clause of its own after an assertion asks nothing of it; "tells you" relays nothing; "Not ISIS." rules the actor out', () => {
  check([
    ['Ukraine did this 100%, what more evidence do you need?', 'ukraine', 'support'],
    ['So it was ISIS, right?', 'isis', 'support'],
    ['ISIS did it, why would anyone doubt that?', 'isis', 'support'],
    // A question clause that goes on with the alternatives is still the question.
    ['Was it ISIS, or the FSB?', 'fsb', 'neutral'],
    ['The fact they got so far away tells you how slow the police were.', 'security_failure', 'support'],
    ['Putin told reporters it was Ukraine.', 'ukraine', 'neutral'],
    ['Who benefits? Not ISIS.', 'isis', 'oppose'],
    ['Definitely not the CIA!', 'west', 'oppose'],
    ['Not ISIS, not Ukraine, it was the FSB.', 'ukraine', 'oppose'],
    // "not only" rules nothing out (the bare mention is read as the claim file says).
    ['Not only ISIS but its backers too.', 'isis', 'support'],
  ]);
});

test('a naming cue does not reach past a clause of its own; a name in a hedged clause is a possibility where the claim file reads bare names', () => {
  check([
    ['For what it\'s worth, US officials passed the warning to Moscow.', 'west', 'none'],
    ['It\'s true, ISIS claimed it.', 'isis', 'support'],
    ['It was clearly ISIS.', 'isis', 'support'],
    ['I can\'t rule out that Ukrainian intelligence had some contact with these networks.', 'ukraine', 'neutral'],
    ['Not sure if ISIS.', 'isis', 'neutral'],
    // No on_mention for the West: its name in a hedged clause says nothing.
    ['I wonder whether the CIA knew.', 'west', 'none'],
  ]);
});

test('a hyphen between the words of a claim phrase: "inside-job" is "inside job"; a story that fell apart', () => {
  check([
    ['The Ukraine story fell apart within a day.', 'ukraine', 'oppose'],
    ['The FSB theory has fallen apart.', 'fsb', 'oppose'],
    ['I really don\'t buy the inside-job angle.', 'fsb', 'oppose'],
    ['The inside-job theory is nonsense.', 'fsb', 'oppose'],
    ['Classic inside-job.', 'fsb', 'support'],
  ]);
});
