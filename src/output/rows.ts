/** The review CSV written row by row as the analysis goes (runs whose rows are not kept in memory). */
import { stringify } from 'csv-stringify/sync';
import type { AnalyzedComment } from '../types.js';
import type { InputSource, ThreadInfo } from '../input/source.js';
import { columnsFor, type Cell, type ClaimColumns, type Column } from './columns.js';
import { longColumnsFor, type LongColumn } from './long.js';
import { stringifyOptions, type CsvDialect } from './dialect.js';
import type { Layout } from './csv.js';

/** Rows turned into CSV text together. */
const BATCH = 256;

export class RowWriter {
  private readonly wide: Column[] | undefined;
  private readonly long: LongColumn[] | undefined;
  private pending: Cell[][] = [];
  private readonly options;

  /** Writes the header at once; the columns are those `commentsCsv` would write for the same sources. */
  constructor(
    private readonly write: (text: string) => void,
    dialect: CsvDialect,
    layout: Layout,
    private readonly claims: ClaimColumns[],
    sources: InputSource[],
  ) {
    this.options = { ...stringifyOptions(dialect), bom: false };
    let header: string[];
    if (layout === 'long') {
      this.long = longColumnsFor(claims);
      header = this.long.map((c) => c.name);
    } else {
      const extra = [...new Set(sources.flatMap((s) => s.extraColumns))];
      const optional = {
        createdAt: sources.some((s) => s.optional.createdAt),
        depth: sources.some((s) => s.optional.depth),
        url: sources.some((s) => s.optional.url),
      };
      this.wide = columnsFor(claims, extra, optional);
      header = this.wide.map((c) => c.name);
    }
    write(stringify([header], stringifyOptions(dialect)));
  }

  add(thread: ThreadInfo, row: AnalyzedComment): void {
    if (this.wide) this.pending.push(this.wide.map((c) => c.value(row, thread)));
    else for (const claim of this.claims) this.pending.push(this.long!.map((c) => c.value(row, thread, claim)));
    if (this.pending.length >= BATCH) this.flush();
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.write(stringify(this.pending, this.options));
    this.pending = [];
  }
}
