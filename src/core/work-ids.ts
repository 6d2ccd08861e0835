/**
 * Scholarly identifiers of a cited work, found in an address or in text: DOIs and arXiv ids. A work cited by its
 * DOI or arXiv id is one work whichever address or spelling names it (doi.org or dx.doi.org, arXiv's abs, pdf
 * or html page, any version), so the works cited of the corpus group by them (src/core/url-normalize.ts keys
 * such an address by its identifier).
 * identifierInUrl(new URL('https://arxiv.org/pdf/2507.06379v2.pdf')) -> { scheme: 'arxiv', id: '2507.06379' }
 * identifiersInText('See arXiv:2310.09217 and doi:10.1000/XYZ.1.') -> [{ scheme: 'arxiv', id: '2310.09217', ... }, { scheme: 'doi', id: '10.1000/xyz.1', ... }]
 *
 * The rules:
 * - a DOI is `10.<4 to 9 digits>/<suffix>` (the DOI Handbook, 2.2), compared without case (DOIs are
 *   case-insensitive); in text it counts after `doi:` or `doi.org/`, or bare where `bare` is allowed (a note's or
 *   a link's text, where a reference is what is written); trailing punctuation of the sentence is not part of
 *   it, nor is a closing bracket it does not open;
 * - arXiv's own DOIs (`10.48550/arXiv.<id>`) are the arXiv id;
 * - an arXiv id is new-style `YYMM.NNNNN` or old-style `archive(.XX)/YYMMNNN`, its version (`v2`) dropped; in text
 *   it counts only after `arXiv:` or `arXiv ` (a bare number is not an id), in an address only on arXiv's hosts
 *   (arxiv.org, export.arxiv.org) and alphaxiv.org, whose `/abs/<id>` pages show the arXiv paper of that id.
 */

export type IdentifierScheme = 'doi' | 'arxiv';

/** A work's identifier: its scheme and its id in one spelling (a DOI in lower case, an arXiv id without version). */
export interface WorkIdentifier {
  scheme: IdentifierScheme;
  id: string;
}

/** An identifier found in text, with where it is and how it was written. */
export interface IdentifierMention extends WorkIdentifier {
  start: number;
  end: number;
  /** The identifier as written (without the `doi:` or `arXiv:` before it). */
  written: string;
}

const ARXIV_NEW = String.raw`\d{4}\.\d{4,5}`;
const ARXIV_OLD = String.raw`[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7}`;
const ARXIV_ID = new RegExp(String.raw`^(${ARXIV_NEW}|${ARXIV_OLD})(?:v\d+)?$`);
const ARXIV_HOSTS = new Set(['arxiv.org', 'export.arxiv.org', 'alphaxiv.org']);
const ARXIV_PATH = /^\/(?:abs|pdf|html|format|ps)\/(.+?)(?:\.pdf)?$/;
const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org']);
const DOI = /^10\.\d{4,9}\/\S+$/;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/** A DOI in its one spelling, or the arXiv id it is (arXiv's own DOIs). */
function fromDoi(doi: string): WorkIdentifier {
  const arxiv = ARXIV_DOI.exec(doi);
  const id = arxiv === null ? null : arxivId(arxiv[1]!);
  return id === null ? { scheme: 'doi', id: doi.toLowerCase() } : { scheme: 'arxiv', id };
}

/** An arXiv id without its version, or null when it is not one. */
function arxivId(text: string): string | null {
  return ARXIV_ID.exec(text)?.[1] ?? null;
}

/** The identifier an address names (a DOI resolver's or arXiv's page), or null. */
export function identifierInUrl(url: URL): WorkIdentifier | null {
  const host = url.hostname
    .replace(/\.$/, '')
    .replace(/^www\./, '')
    .toLowerCase();
  const path = safeDecode(url.pathname);
  if (DOI_HOSTS.has(host)) {
    const doi = path.slice(1).replace(/\/+$/, '');
    return DOI.test(doi) ? fromDoi(doi) : null;
  }
  if (ARXIV_HOSTS.has(host)) {
    const match = ARXIV_PATH.exec(path.replace(/\/+$/, ''));
    const id = match === null ? null : arxivId(match[1]!);
    return id === null ? null : { scheme: 'arxiv', id };
  }
  return null;
}

/** The canonical address of an identified work: its DOI at doi.org, its arXiv abstract page. */
export function identifierUrl(identifier: WorkIdentifier): string {
  return identifier.scheme === 'doi' ? `https://doi.org/${identifier.id}` : `https://arxiv.org/abs/${identifier.id}`;
}

// `doi:` / `doi.org/` then a DOI; with `bare`, a DOI on its own too. Its suffix runs to white space or a quotation mark.
const DOI_IN_TEXT = /(?:\bdoi:\s*|\bdoi\.org\/|(?<![\w./-]))(10\.\d{4,9}\/[^\s"<>“”‘’]+)/gi;
const DOI_PREFIXED = /(?:doi:\s*|doi\.org\/)$/i;
const ARXIV_IN_TEXT = new RegExp(String.raw`\barXiv(?::\s*|\s+)(${ARXIV_NEW}|${ARXIV_OLD})(v\d+)?(?![\d])`, 'gi');

/**
 * Every DOI and arXiv id written in a text, in text order. `bare`: a DOI without `doi:` before it counts too (in a
 * note's or a link's text).
 */
export function identifiersInText(text: string, options: { bare?: boolean } = {}): IdentifierMention[] {
  const found: IdentifierMention[] = [];
  for (const match of text.matchAll(DOI_IN_TEXT)) {
    const prefixed = DOI_PREFIXED.test(match[0].slice(0, match[0].length - match[1]!.length));
    if (!prefixed && !options.bare) continue;
    const written = trimDoi(match[1]!);
    if (!DOI.test(written)) continue;
    const start = match.index + match[0].length - match[1]!.length;
    found.push({ ...fromDoi(written), start, end: start + written.length, written });
  }
  for (const match of text.matchAll(ARXIV_IN_TEXT)) {
    const written = match[1]! + (match[2] ?? '');
    const id = arxivId(written);
    if (id === null) continue;
    const start = match.index + match[0].length - written.length;
    found.push({ scheme: 'arxiv', id, start, end: start + written.length, written });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A DOI without the sentence's punctuation after it, nor a closing bracket it did not open. */
function trimDoi(doi: string): string {
  let out = doi.replace(/[.,;:!?'"’”]+$/, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ] as const) {
    while (out.endsWith(close) && count(out, close) > count(out, open)) out = out.slice(0, -1).replace(/[.,;:!?]+$/, '');
  }
  return out;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
