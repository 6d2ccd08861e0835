/**
 * The schema of `corpus/topics.yaml`: the topics read out of the corpus, and the terms that
 * signal each one to the classifier (`scripts/ingest/classify.ts`).
 *
 * A term is lowercase words separated by single spaces or hyphens; it matches whole words only,
 * and a trailing `*` makes its last word a prefix (`geopolitic*` matches "geopolitics",
 * "geopolitical"). Curly and straight apostrophes are the same character.
 */
import { z } from 'zod';
import { slugSchema } from './article.ts';

/** One term: lowercase letters, digits and apostrophes, words joined by one space or hyphen, optional trailing `*`. */
const termSchema = z
  .string()
  .regex(
    /^[\p{Ll}\p{Lo}\p{N}'’]+(?:[ -][\p{Ll}\p{Lo}\p{N}'’]+)*\*?$/u,
    'must be lowercase words joined by single spaces or hyphens, with an optional trailing *',
  );

/** One topic of `corpus/topics.yaml`; its terms must be distinct across `terms` and `strong`. */
export const topicSchema = z
  .object({
    /** URL segment of `/topics/<slug>/` and the key articles list; kebab-case, unique. No default. */
    slug: slugSchema,
    /** Short human name shown on pages. No default. */
    label: z.string().min(1),
    /** One neutral paragraph: the question this topic covers in the debate. No default. */
    description: z.string().min(1),
    /** Ordinary signal terms: each distinct match scores 1; two distinct ones make a passage. At least one. */
    terms: z.array(termSchema).min(1),
    /** Unambiguous signal terms: each distinct match scores 2 and alone makes a passage; default empty. */
    strong: z.array(termSchema).default([]),
  })
  .superRefine((topic, ctx) => {
    const seen = new Set<string>();
    for (const term of [...topic.terms, ...topic.strong]) {
      if (seen.has(term)) ctx.addIssue({ code: 'custom', message: `term "${term}" is listed twice` });
      seen.add(term);
    }
  });

/** A topic after defaults are applied. */
export type Topic = z.infer<typeof topicSchema>;
/** A topic as written in `corpus/topics.yaml`, before defaults. */
export type TopicInput = z.input<typeof topicSchema>;

/** The whole topics file: a list of topics with unique slugs. */
export const topicsFileSchema = z.array(topicSchema).superRefine((topics, ctx) => {
  const seen = new Set<string>();
  topics.forEach((topic, index) => {
    if (seen.has(topic.slug)) {
      ctx.addIssue({ code: 'custom', path: [index, 'slug'], message: `duplicate topic slug "${topic.slug}"` });
    }
    seen.add(topic.slug);
  });
});
