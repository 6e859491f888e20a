/**
 * The order of the million-comment runs. They run one after the other within what is left of the
 * benchmark's budget, and one worker takes about twice as long as two: with the slower run first and
 * half the time each, the one-worker run was stopped in runs where both would have fitted.
 */

/**
 * The indexes of the runs, the one expected to end soonest first (the same comments at the rate each
 * configuration reached on the smaller corpus); in the order given when a rate is unknown. Each run
 * then gets all the time left: when both do not fit, the shorter one still gives its figures.
 */
export function shortestFirst(rates: readonly (number | undefined)[]): number[] {
  const known = rates.every((r) => r !== undefined && Number.isFinite(r) && r > 0);
  const order = rates.map((_, i) => i);
  return known ? order.sort((a, b) => rates[b]! - rates[a]! || a - b) : order;
}
