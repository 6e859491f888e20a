/** YAML reading for claim files and lexicons (js-yaml, YAML 1.2 core schema). */
import { load, loadAll, YAMLException } from 'js-yaml';

/** A YAML document's value; a document with nothing in it (or only comments) is null, as YAML reads it. */
export function parseYaml(text: string): unknown {
  try {
    return load(text);
  } catch (err) {
    // js-yaml's load refuses a source with no document; loadAll reads it as none.
    if (err instanceof YAMLException && err.mark === undefined && loadAll(text).length === 0) return null;
    throw err;
  }
}

/** The 1-based line a YAML syntax error points at, when it points at one. */
export function yamlErrorLine(err: unknown): number | undefined {
  return err instanceof YAMLException && err.mark !== undefined ? err.mark.line + 1 : undefined;
}
