/**
 * What every export schema (`/corpus.json`, `/reuse.json`, `/references.json` and their parts) says the same way: a
 * link into the site, and where a part stands among the parts of its export.
 */
import { z } from 'zod';
import { webUrlSchema } from './article.ts';

/**
 * A link into the site: absolute on its public address (SITE_URL), or a site path (`/articles/a/`) when the
 * build had none, to resolve against the address the file was read from.
 */
export const siteLinkSchema = z.union([webUrlSchema, z.string().regex(/^\/(?!\/)\S*$/, 'must be a site path')]);

/** A part's place: its number and how many there are, then `fields` (what this export says of a part), then the previous and next part. */
export function partSchema<Fields extends z.ZodRawShape>(fields: Fields) {
  return z.object({
    number: z.number().int().positive(),
    of: z.number().int().positive(),
    ...fields,
    previous: siteLinkSchema.nullable().describe('The part before this one; null for the first.'),
    next: siteLinkSchema.nullable().describe('The part after this one; null for the last.'),
  });
}
