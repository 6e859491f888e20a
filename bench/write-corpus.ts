/** Streams generated comments into a JSON Lines file, a megabyte at a time, so a million comments never sit in memory together. */
import fs from 'node:fs';
import type { CorpusRecord } from './corpus.js';

export interface CorpusFile {
  file: string;
  comments: number;
  bytes: number;
  /** Mean length of a comment's text, in characters. */
  meanChars: number;
}

const CHUNK = 1 << 20;

/** Writes `records` to `file` (one JSON object per line) and says how many and how long they were. */
export function writeCorpus(file: string, records: Iterable<CorpusRecord>): CorpusFile {
  const fd = fs.openSync(file, 'w');
  let comments = 0;
  let chars = 0;
  let bytes = 0;
  let buffer = '';
  const flush = (): void => {
    bytes += fs.writeSync(fd, buffer);
    buffer = '';
  };
  try {
    for (const r of records) {
      comments++;
      chars += r.text.length;
      buffer += JSON.stringify(r) + '\n';
      if (buffer.length >= CHUNK) flush();
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return { file, comments, bytes, meanChars: comments === 0 ? 0 : chars / comments };
}

/** The texts of a corpus file, in order (for the in-process measurements, which time analysis, not reading). */
export function readCorpusTexts(file: string): string[] {
  const texts: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line !== '') texts.push((JSON.parse(line) as CorpusRecord).text);
  }
  return texts;
}
