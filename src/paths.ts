import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root (holds data/ and claims/), found from this compiled file's place in dist/src/. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of a file shipped with the package, e.g. `dataPath('data/lexicons/hedge.yaml')`. */
export function dataPath(relative: string): string {
  return path.join(PACKAGE_ROOT, relative);
}

/** The claim file used when `--claims` is not given. */
export const DEFAULT_CLAIMS = dataPath('claims/crocus.yaml');
