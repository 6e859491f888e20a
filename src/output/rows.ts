/**
 * The review CSV written row by row as the analysis goes (runs whose rows are not kept in memory).
 * A row's text depends on the row alone, so worker threads can render their own rows (RowFormat is
 * what they need to know) and the main thread only writes the texts in input order.
 */
import { stringify } from 'csv-stringify/sync';
import type { AnalyzedComment, Stance } from '../types.js';
import type { InputSource, ThreadInfo } from '../input/source.js';
import { columnsFor, type ClaimColumns, type Column, type OptionalColumns } from './columns.js';
import { longColumnsFor, type LongColumn } from './long.js';
import { stringifyOptions, type CsvDialect } from './dialect.js';
import type { Layout } from './csv.js';
import { claimCells } from '../analysis/flag.js';

/**
 * Texts of rows written together (about 50 KB). A row's text is csv-stringify's chain of joined
 * pieces until it is written; with 256 rows waiting, most rows outlived two young-generation
 * collections and were copied to the old generation (20,000 comments: 0.5 MB copied per collection,
 * against 0.2 MB with 32, and 11 full collections against 7).
 */
const BATCH = 32;

/** Everything but the claims that decides a streamed review CSV's columns and quoting. */
export interface RowFormat {
  dialect: CsvDialect;
  layout: Layout;
  extraColumns: string[];
  optional: Required<OptionalColumns>;
}

/** The format of the sources' review CSV: the columns `commentsCsv` would write for the same sources. */
export function rowFormatOf(sources: InputSource[], dialect: CsvDialect, layout: Layout): RowFormat {
  return {
    dialect,
    layout,
    extraColumns: [...new Set(sources.flatMap((s) => s.extraColumns))],
    optional: {
      createdAt: sources.some((s) => s.optional.createdAt),
      depth: sources.some((s) => s.optional.depth),
      url: sources.some((s) => s.optional.url),
    },
  };
}

/** A comment's rows as CSV text, with what the summary and the review count need of it. */
export interface Rendered {
  text: string;
  /** The stance toward each claim, in claim order ('none' where there is no judgement). */
  stances: Stance[];
  /** Whether the judgement of each claim, in claim order, is flagged for review (flagOf). */
  flagged: boolean[];
  needsReview: boolean;
}

/** Renders one comment's rows (one in the wide layout, one per claim in the long) as CSV text. */
export class RowFormatter {
  private readonly wide: Column[] | undefined;
  private readonly long: LongColumn[] | undefined;
  private readonly options;
  /** The header row's text, with the dialect's byte-order mark. */
  readonly header: string;
  private readonly ids: string[];

  constructor(
    format: RowFormat,
    private readonly claims: ClaimColumns[],
  ) {
    // One record at a time costs csv-stringify less per row than a batch of them (the batch's join).
    this.options = { ...stringifyOptions(format.dialect), bom: false };
    this.ids = claims.map((c) => c.id);
    let names: string[];
    if (format.layout === 'long') {
      this.long = longColumnsFor(claims);
      names = this.long.map((c) => c.name);
    } else {
      this.wide = columnsFor(claims, format.extraColumns, format.optional);
      names = this.wide.map((c) => c.name);
    }
    this.header = stringify([names], stringifyOptions(format.dialect));
  }

  render(thread: ThreadInfo, row: AnalyzedComment): Rendered {
    return { text: this.format(thread, row), ...claimCells(row.stances, this.ids), needsReview: row.needsReview };
  }

  private format(thread: ThreadInfo, row: AnalyzedComment): string {
    if (this.wide) return stringify([this.wide.map((c) => c.value(row, thread))], this.options);
    return stringify(
      this.claims.map((claim) => this.long!.map((c) => c.value(row, thread, claim))),
      this.options,
    );
  }
}

/** Writes the header at once, then rows' texts in the order they are given. */
export class RowWriter {
  private pending: string[] = [];

  constructor(
    private readonly write: (text: string) => void,
    header: string,
  ) {
    write(header);
  }

  add(text: string): void {
    this.pending.push(text);
    if (this.pending.length >= BATCH) this.flush();
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.write(this.pending.join(''));
    this.pending = [];
  }
}
