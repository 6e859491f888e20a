/** The command line: commander wiring only; every command returns its exit status, nothing here calls process.exit. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, ThreadstanceError, formatError } from './errors.js';
import { FORMAT_NAMES } from './input/index.js';
import { ENCODINGS } from './input/decode.js';
import { runAnalyze } from './commands/analyze.js';
import { runClaims } from './commands/claims.js';
import { LAYOUTS } from './output/csv.js';
import { CSV_DIALECTS } from './output/dialect.js';
import { Interrupted } from './output/write.js';

/** Where a run writes its messages; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is an interactive terminal (the summary table is shown there). */
  isTTY: boolean;
}

export const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

/** Runs the CLI with `argv` (without node and script) and resolves to the exit status. */
export async function execute(argv: string[], io: Io = processIo): Promise<number> {
  let status: number = EXIT.ok;
  const program = new Command('threadstance')
    .description('Sentiment and stance toward attribution claims, comment by comment, for forum threads.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('analyze')
    .description('read threads, score sentiment and stance per claim, write the review CSV and the summary')
    .argument('<input...>', 'thread files: Discourse, Reddit, Lemmy, Hacker News or Mastodon API JSON, Reddit dumps, 4CAT CSV, generic CSV/JSON Lines, or a pasted Discourse thread')
    .option('-c, --claims <file>', 'claim file (YAML or JSON) replacing the default Crocus claims')
    .option('--claim <ids>', 'only these claims, comma-separated; "root" = each reply\'s stance toward what the opening post asserts')
    .option('-o, --out <file>', 'review CSV to write', 'out/comments.csv')
    .option('-s, --summary <file>', 'summary CSV to write (default: summary.csv beside --out)')
    .option('--report <file>', 'also write a self-contained HTML report: charts per claim, the thread with its evidence marked, filters (opens offline)')
    .addOption(new Option('-f, --format <name>', 'input format').choices(FORMAT_NAMES).default('auto'))
    .option('-t, --title <text>', 'thread title, as context, for inputs that have none')
    .addOption(new Option('--csv-dialect <name>', 'excel: UTF-8 with BOM, CRLF, formula-like cells escaped with \'; rfc4180: no BOM, LF, cells as they are (for programs)').choices(CSV_DIALECTS).default('excel'))
    .addOption(new Option('--layout <name>', 'wide: one row per comment, columns per claim; long: one row per comment and claim (for pivot tables)').choices(LAYOUTS).default('wide'))
    .option('--merge-review <csv>', 'carry the filled review_* cells and review_note of a previous review CSV over to the new output, by thread and id')
    .addOption(new Option('--encoding <name>', 'encoding of the input files: auto = UTF-8, or UTF-16 when the file starts with its byte-order mark; latin1 or windows-1252 for old exports').choices(ENCODINGS).default('auto'))
    .option('--strict', 'fail (exit 1) when any input record cannot be read, or a filled review cell of --merge-review cannot be carried over, instead of reporting it')
    .option('-q, --quiet', 'print nothing but errors (and review cells --merge-review could not carry over)')
    .addOption(new Option('--jobs <n>', 'worker threads for the analysis, each with its own model; default: one per core when the input has 20,000 comments or more, else 1 (no workers)').argParser(positiveInt))
    .option('--force', 'replace existing output files even when threadstance did not write them, or a reviewer has filled review cells in them')
    .action(async (inputs: string[], opts) => {
      status = await runAnalyze(inputs, opts, io);
    });

  program
    .command('claims')
    .description('print the claims in use, their actors and the sources that make or reject each')
    .option('-c, --claims <file>', 'claim file to show instead of the default')
    .action((opts) => {
      status = runClaims(opts, io);
    });

  program
    .command('evaluate')
    .description('score a review CSV against hand-coded gold labels, RumourEval labels or its own filled review_<claim> columns (accuracy, kappa, Krippendorff\'s alpha); compare two reviewers; or score sentiment against rated texts')
    .argument('<predicted>', 'CSV written by threadstance analyze, or alone a sentiment gold file (tab-separated id, rating -4..4, text)')
    .argument('[gold]', 'gold CSV (index, text_start, one column per claim), a reviewed threadstance CSV (when <predicted> is reviewed too: agreement between the two reviewers), or RumourEval JSON Lines (id, thread, label); omitted: use the review_<claim> columns of <predicted>')
    .option('--errors', 'list every wrong cell (or, for two reviewers, every disagreement) with its text, labels and evidence')
    .action(async (predicted: string, gold: string | undefined, opts) => {
      // Loaded when asked for: an analysis run does not pay for the evaluation code's start-up.
      const { runEvaluate } = await import('./commands/evaluate.js');
      status = runEvaluate(predicted, gold, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof Interrupted) {
      io.stderr(formatError(err) + '\n');
      return err.status;
    }
    if (err instanceof ThreadstanceError) {
      io.stderr(formatError(err) + '\n');
      return err.code.startsWith('USAGE_') ? EXIT.usage : EXIT.badInput;
    }
    io.stderr(`threadstance: internal error: ${(err as Error).stack ?? String(err)}\nThis is a bug in threadstance; please report it with the command you ran.\n`);
    return EXIT.badInput;
  }
}

/** Parses a whole number of 1 or more for an option; anything else is a usage error (exit 2). */
function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > 256) {
    throw new InvalidArgumentError(`expected a whole number from 1 to 256, got "${value}"`);
  }
  return n;
}

