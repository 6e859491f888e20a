#!/usr/bin/env node
/** Executable entry: runs the CLI and sets the exit status. */
import v8 from 'node:v8';
import { execute } from './cli.js';

/**
 * Old-generation growth between full collections, in percent of what the last one kept. V8's own
 * choice (up to four times the live heap) made most of the peak RSS on big inputs garbage; with a
 * fixed factor the peak follows the live heap, at a few percent more time spent collecting. On a
 * million comments with one worker, 30 peaked at 231 MiB against 249 MiB with 40 (20 gave no less),
 * at the same speed on 100,000.
 */
const HEAP_GROWING_PERCENT = 30;
v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

/**
 * V8 allocates straight in the old generation where most objects made at the same place survived
 * before (it did so for some of wink's reading of a document). Such objects, once dead, keep the young
 * ones they point to alive until a full collection, so each young collection copies those again.
 * Without it, two workers analyze 100,000 comments in about 30 s instead of 34 s, and peak RSS is
 * about 25 MB lower; a bare readDoc loop copies 0.4 MB per young collection instead of 0.9 MB.
 */
v8.setFlagsFromString('--no-allocation-site-pretenuring');

/**
 * Young-generation collections on the collecting thread alone. Helper threads did not shorten them
 * (one worker, 100,000 comments: 1.6 s of pauses either way) and with two workers the cores are busy
 * anyway: each worker's pauses went from 1.3 s to 0.9 s without them.
 */
v8.setFlagsFromString('--no-parallel-scavenge');

process.exitCode = await execute(process.argv.slice(2));
