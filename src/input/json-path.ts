/**
 * JSON paths for messages (`post_stream.posts[3].cooked`). A reply tree nested thousands of levels
 * deep must not cost a copy of its path per comment, so adapters that walk trees keep the path as a
 * chain of links to the parent and format only the last part of a very long one.
 */

/** A key of a JSON path: an object key or an array index. */
export type Key = string | number;

/** One step of a path, linked to the step before it (O(1) to extend, never copied). */
export interface PathNode {
  parent: PathNode | undefined;
  key: Key;
  /** Number of keys from the document to here. */
  length: number;
}

/** Keys shown in full; a longer path shows its last LONG_TAIL keys after an ellipsis. */
const LONG = 40;
const LONG_TAIL = 20;

/** Formats a JSON path as `post_stream.posts[3].cooked` (`$` for the document itself). */
export function jsonPath(path: readonly Key[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? '.' : '') + key : `[${JSON.stringify(key)}]`;
  }
  return out || '$';
}

/** The path `node` extended by `keys`. */
export function extend(node: PathNode | undefined, ...keys: Key[]): PathNode | undefined {
  let out = node;
  for (const key of keys) out = { parent: out, key, length: (out?.length ?? 0) + 1 };
  return out;
}

/** Formats a linked path; one of more than 40 keys as `$…(N keys)….` and its last 20 keys, in constant time. */
export function formatPath(node: PathNode | undefined): string {
  const keys: Key[] = [];
  const take = node !== undefined && node.length > LONG ? LONG_TAIL : LONG;
  for (let n = node; n !== undefined && keys.length < take; n = n.parent) keys.push(n.key);
  keys.reverse();
  if (node === undefined || node.length <= LONG) return jsonPath(keys);
  return elided(node.length, keys);
}

/** Formats a path of keys as formatPath does a linked one: one of more than 40 keys shortened. */
export function shortPath(path: readonly Key[]): string {
  return path.length <= LONG ? jsonPath(path) : elided(path.length, path.slice(-LONG_TAIL));
}

/** `$…(N keys)…` and the last LONG_TAIL keys of a path of `length` keys. */
function elided(length: number, tail: readonly Key[]): string {
  const shown = jsonPath(tail);
  return `$…(${length - LONG_TAIL} keys)…${shown.startsWith('[') ? '' : '.'}${shown}`;
}
