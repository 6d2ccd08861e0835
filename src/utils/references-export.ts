/**
 * The works cited as files: `/references.json` (see src/schemas/references-export.ts) and `/references.bib`, with
 * every link into the site absolute on its public address (SITE_URL), or a site path without one. The BibTeX gives
 * only what the sources give: the address, the DOI, the arXiv id, and the label a work is cited by as a note,
 * never as its title (a link's text is not a title), nor an author or date. Pure and deterministic.
 * toReferencesBib(works) -> "@online{work-3f9a2c1d0e4b,\n  url = {https://arxiv.org/abs/2507.06379},\n  eprint = {2507.06379},\n  eprinttype = {arxiv},\n  note = {Cited as: …}\n}"
 */
import { articlePath, siteUrl } from '../core/urls.ts';
import { REFERENCES_SCHEMA_VERSION, type ReferencesExport } from '../schemas/references-export.ts';
import { SITE_NAME } from './citation.ts';
import { bibtexEscape } from './citation-bibtex.ts';
import { workPagePath } from './references-pages.ts';
import type { CitedWork } from './works-cited.ts';

/** Site paths of the works cited and its files. */
export const REFERENCES_PATHS = {
  page: '/references/',
  json: '/references.json',
  schema: '/references.schema.json',
  bibtex: '/references.bib',
} as const;

/** A work's row on its own page (`/references/work/<id>/#<id>`), which a work cited by two or more articles has (src/utils/references-pages.ts). */
export function workPath(work: Pick<CitedWork, 'id'>): string {
  return `${workPagePath(work)}#${work.id}`;
}

/** `/references.json`. */
export function buildReferencesExport(works: readonly CitedWork[], site: URL | undefined): ReferencesExport {
  return {
    $schema: siteUrl(REFERENCES_PATHS.schema, site),
    schemaVersion: REFERENCES_SCHEMA_VERSION,
    site: site === undefined ? null : new URL('/', site).href,
    workCount: works.length,
    works: works.map((work) => ({
      id: work.id,
      key: work.key,
      url: work.url,
      domain: work.domain,
      identifier: work.identifier,
      label: work.label,
      labels: work.labels,
      addresses: work.addresses,
      inCorpus: work.inCorpus === null ? null : { slug: work.inCorpus.slug, url: siteUrl(articlePath(work.inCorpus.slug), site) },
      citedByCount: work.citing.length,
      citedBy: work.citing.map(({ article, places }) => ({
        slug: article.slug,
        url: siteUrl(articlePath(article.slug), site),
        places: places.map(({ anchor, place, label, href }) => ({
          id: anchor,
          url: siteUrl(articlePath(article.slug, anchor ?? undefined), site),
          place,
          label,
          href,
        })),
      })),
    })),
  };
}

/** A URL for a verbatim `url` field: characters that would unbalance the entry percent-encoded. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** One work as a biblatex `@online` entry keyed by its id. */
function workBibtex(work: CitedWork, site: URL | undefined): string {
  const fields: [string, string][] = [['url', `{${bibtexUrl(work.url)}}`]];
  if (work.identifier?.scheme === 'doi') fields.push(['doi', `{${bibtexEscape(work.identifier.id)}}`]);
  if (work.identifier?.scheme === 'arxiv') fields.push(['eprint', `{${bibtexEscape(work.identifier.id)}}`], ['eprinttype', '{arxiv}']);
  const where = site === undefined ? '' : ` (${new URL(workPath(work), site).href})`;
  const citedBy = work.citing.length === 1 ? 'one article' : `${work.citing.length} articles`;
  const stop = /[.!?…]["”’]?$/.test(work.label) ? '' : '.';
  fields.push(['note', `{${bibtexEscape(`Cited as: ${work.label}${stop} Cited by ${citedBy} in ${SITE_NAME}${where}.`)}}`]);
  return `@online{${work.id},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
}

/** `/references.bib`: every work, with a comment naming where it came from and what it leaves out. */
export function toReferencesBib(works: readonly CitedWork[], site: URL | undefined): string {
  const count = `${works.length} ${works.length === 1 ? 'work' : 'works'} cited`;
  const from = site === undefined ? `${count} (this build has no public address)` : `${count}, ${new URL(REFERENCES_PATHS.page, site).href}`;
  const header = `% ${SITE_NAME}: ${from}\n% Only what the sources give: address, DOI, arXiv id; the label a work is cited by is a note, not its title. No author or date is added.\n\n`;
  return header + works.map((work) => workBibtex(work, site)).join('\n');
}
