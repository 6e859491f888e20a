/**
 * Pairs gold rows with prediction rows: by `id` when both sides carry ids, otherwise by
 * finding the gold row's `text_start` inside a prediction's `text`. Gold rows that match
 * nothing are reported, never dropped silently.
 */

/** A gold row (by position in the gold rows) and the prediction row it was aligned to. */
export interface RowPair {
  gold: number;
  pred: number;
}

/** The outcome of alignment: pairs in gold order and one message per gold row left unmatched. */
export interface Alignment {
  pairs: RowPair[];
  unmatched: string[];
}

/** Where the gold rows came from, for the unmatched messages. */
export interface AlignSource {
  goldFile?: string;
  /** 1-based CSV line of each gold row; defaults to position + 2 (header is line 1). */
  goldLines?: number[];
}

/** Text compared for alignment: NFKC, straight quotes, single spaces, lower case. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function hasColumn(rows: readonly Record<string, string>[], column: string): boolean {
  return rows.some((row) => column in row);
}

function hasValues(rows: readonly Record<string, string>[], column: string): boolean {
  return rows.some((row) => (row[column] ?? '').trim() !== '');
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}

/** Aligns every gold row to at most one unused prediction row (within the same `thread` when both have one). */
export function alignRows(
  predRows: readonly Record<string, string>[],
  goldRows: readonly Record<string, string>[],
  source: AlignSource = {},
): Alignment {
  const byId = hasValues(predRows, 'id') && hasValues(goldRows, 'id');
  const byThread = hasColumn(predRows, 'thread') && hasColumn(goldRows, 'thread');
  const threadOf = (row: Record<string, string>): string => (byThread ? (row.thread ?? '').trim() : '');
  const used = new Set<number>();
  const predTexts = predRows.map((row) => normalizeText(row.text ?? ''));
  const idIndex = new Map<string, number[]>();
  if (byId) {
    predRows.forEach((row, i) => {
      const key = `${threadOf(row)}\u0000${(row.id ?? '').trim()}`;
      idIndex.set(key, [...(idIndex.get(key) ?? []), i]);
    });
  }

  const pairs: RowPair[] = [];
  const unmatched: string[] = [];
  goldRows.forEach((gold, g) => {
    const line = source.goldLines?.[g] ?? g + 2;
    const thread = threadOf(gold);
    const id = (gold.id ?? '').trim();
    const textStart = gold.text_start ?? gold.text ?? '';
    const where = `${source.goldFile ?? 'gold'}:${line}`;
    const label = [
      gold.index !== undefined && gold.index.trim() !== '' ? `index ${gold.index.trim()}` : '',
      byThread ? `thread "${thread}"` : '',
    ].filter(Boolean).join(', ');
    const what = label ? `gold row (${label})` : 'gold row';

    if (byId && id !== '') {
      const found = (idIndex.get(`${thread}\u0000${id}`) ?? []).find((p) => !used.has(p));
      if (found === undefined) {
        unmatched.push(`${where}: ${what} with id "${id}" matches no unused prediction row`);
      } else {
        used.add(found);
        pairs.push({ gold: g, pred: found });
      }
      return;
    }

    const needle = normalizeText(textStart);
    if (needle === '') {
      unmatched.push(`${where}: ${what} has no id or text_start to align by`);
      return;
    }
    const candidates = predRows
      .map((row, p) => ({ row, p }))
      .filter(({ row, p }) => threadOf(row) === thread && (predTexts[p] ?? '').includes(needle))
      .map(({ p }) => p);
    const free = candidates.filter((p) => !used.has(p));
    const goldIndex = (gold.index ?? '').trim();
    const sameIndex = free.find((p) => goldIndex !== '' && (predRows[p]?.index ?? '').trim() === goldIndex);
    const found = sameIndex ?? free[0];
    if (found === undefined) {
      const why = candidates.length > 0 ? 'only prediction rows already aligned to other gold rows' : 'no prediction row';
      unmatched.push(`${where}: ${what} text_start "${shorten(textStart, 60)}" matches ${why}`);
      return;
    }
    used.add(found);
    pairs.push({ gold: g, pred: found });
  });
  return { pairs, unmatched };
}
