/** Shared test helpers: repo paths, golden-file comparison, threads built from short texts. */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { readThread } from '../src/input/index.js';
import { parseClaims } from '../src/claims/load.js';
import { compileClaims, type CompiledClaims } from '../src/analysis/compile.js';
import { analyzeThread } from '../src/analysis/analyze.js';
import type { AnalyzedComment } from '../src/types.js';
import { execute } from '../src/cli.js';

/** The repository root, seen from the compiled test in dist/test/. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_THREAD = path.join(ROOT, 'seeds/003_9fc60ebbaf8355f7.txt');

/**
 * Compares `actual` with the golden file test/golden/<name>; with UPDATE_GOLDEN=1 it rewrites the
 * file instead, so a reviewer sees every change of output as a diff.
 */
export function assertGolden(name: string, actual: string): void {
  const file = path.join(ROOT, 'test/golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `golden file ${file} is missing; run UPDATE_GOLDEN=1 npm test`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `output differs from ${file}; if the change is intended, run UPDATE_GOLDEN=1 npm test and review the diff`);
}

/** The project's shared data (gold sets, fixtures' sources), next to the checkout: read-only, present in CI. */
export const SHARED = path.resolve(ROOT, '../shared');

/**
 * Why a test that reads ../shared/eval cannot run here, or false when it can. A clone made elsewhere
 * (no ../shared beside it) skips those tests, saying so; under CI (CI set) they always run and fail
 * loudly if the data is missing.
 */
export const NEEDS_SHARED: string | false =
  process.env.CI || fs.existsSync(path.join(SHARED, 'eval')) ? false : `needs ${path.join(SHARED, 'eval')}, the shared gold data next to the checkout (present in CI)`;

let defaults: CompiledClaims | undefined;

/** The shipped Crocus claims, compiled once. */
export function defaultClaims(): CompiledClaims {
  defaults ??= compileClaims(parseClaims(fs.readFileSync(path.join(ROOT, 'claims/crocus.yaml'), 'utf8'), 'claims/crocus.yaml'));
  return defaults;
}

/** Analyzes a thread given as texts (each replying to the one before unless `parents` says otherwise). */
export function analyzeTexts(texts: string[], parents?: (string | null)[]): AnalyzedComment[] {
  const lines = texts.map((text, i) => JSON.stringify({ id: `c${i}`, parent_id: parents ? (parents[i] ?? '') : i === 0 ? '' : `c${i - 1}`, text }));
  const thread = readThread(lines.join('\n'), 'table.jsonl', 'jsonl');
  return analyzeThread(thread, defaultClaims());
}

/** What a run of the CLI in this process wrote, and its exit status. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, stderr not a terminal, and collects what it writes. */
export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await execute(argv, { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** The modules of wink and its model in this process's module cache: a run loads them only where it analyzes comments. */
export function winkModules(): string[] {
  return Object.keys(createRequire(import.meta.url).cache).filter((k) => /[\\/]wink-(nlp|eng-lite-web-model)[\\/]/.test(k));
}
