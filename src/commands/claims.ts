/** `threadstance claims`: the claims in use, their actors and where each comes from. */
import type { Io } from '../cli.js';
import { EXIT } from '../errors.js';
import { DEFAULT_CLAIMS } from '../paths.js';
import { parseClaims, type ClaimSet } from '../claims/load.js';
import { readText } from './io.js';

/** Loads the claim file named by --claims, or the default one. */
export function loadClaimSet(file: string | undefined): ClaimSet {
  const path = file ?? DEFAULT_CLAIMS;
  return parseClaims(readText(path, 'a claim file'), path);
}

export function runClaims(opts: { claims?: string }, io: Io): number {
  const set = loadClaimSet(opts.claims);
  const lines = [`Claims from ${set.file}${set.topic ? ` — ${set.topic}` : ''}`, ''];
  for (const c of set.claims) {
    lines.push(`${c.id}: ${c.statement}`);
    lines.push(`  actors: ${c.actors.join(', ')}`);
    if (c.phrases.support.length) lines.push(`  supporting phrases: ${c.phrases.support.join(', ')}`);
    if (c.phrases.oppose.length) lines.push(`  opposing phrases: ${c.phrases.oppose.join(', ')}`);
    lines.push(`  cues: ${c.cues.join(', ') || '(none)'}`);
    if (c.denials.length) lines.push(`  denials: ${c.denials.join(', ')}`);
    for (const s of c.sources) lines.push(`  ${s.position} it: ${s.file}${s.note ? ` — ${s.note}` : ''}`);
    lines.push('');
  }
  io.stdout(lines.join('\n'));
  return EXIT.ok;
}
