/** The same generated entries as the site's `articles` collection, without the schema (bare Astro). */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env['DOSSIER_ENTRIES'] ?? '../../src/content/articles' }),
});

export const collections = { articles };
