/**
 * Catalog YAML text -> validated Catalog, with errors that name the file, key and line:column.
 * "003_x.txt:\n  title: The Licensing Trap\n" -> { "003_x.txt": { title: "The Licensing Trap" } }
 */
import { catalogSchema, type Catalog } from '../../src/schemas/catalog.ts';
import { parseYamlFile } from '../../src/core/yaml.ts';

/** Parse and validate corpus/catalog.yaml; `file` is its name for messages. */
export function parseCatalog(text: string, file: string): Catalog {
  return parseYamlFile(text, file, catalogSchema, {});
}
