/**
 * Mathematics from feeds, typeset with KaTeX to HTML and MathML, shared by the ingest and the site: the ingest
 * keeps TeX it finds between `\(...\)`, `\[...\]` or `$$...$$` in feed text only when KaTeX reads it (and warns
 * about a Substack LaTeX block it cannot read), and the site typesets each formula at build time, so the page
 * needs no script. The TeX is a source's, so it is untrusted: KaTeX's `trust` is off (no `\href`, `\url`,
 * `\includegraphics`, `\htmlClass`, `\htmlStyle`...), sizes are capped and macro expansion is bounded, and each
 * formula gets its own macros (a `\gdef` in one never reaches another).
 * typesetTex("x^2", false) -> { ok: true, html: '<span class="katex">...</span>', repaired: false }
 */
import katex from 'katex';

/** A formula typeset, or why it could not be. `repaired`: read with text-mode ampersands escaped (repairTex). */
export type Typeset = { ok: true; html: string; repaired: boolean } | { ok: false; error: string };

/** The delimiters of TeX in feed text (MathJax's defaults; a single `$` is too often money to be math). */
export const TEX_DELIMITERS: readonly { open: string; close: string; display: boolean }[] = [
  { open: '\\(', close: '\\)', display: false },
  { open: '\\[', close: '\\]', display: true },
  { open: '$$', close: '$$', display: true },
];

/** Typeset `tex` (display style or inline). TeX KaTeX cannot read as written is tried once more as repairTex gives it. */
export function typesetTex(tex: string, display: boolean): Typeset {
  try {
    return { ok: true, html: render(tex, display), repaired: false };
  } catch (error) {
    const repaired = repairTex(tex);
    if (repaired !== tex) {
      try {
        return { ok: true, html: render(repaired, display), repaired: true };
      } catch {
        // the first error is the one to report
      }
    }
    return { ok: false, error: error instanceof katex.ParseError ? error.rawMessage : String(error) };
  }
}

function render(tex: string, display: boolean): string {
  return katex.renderToString(tex, {
    displayMode: display,
    output: 'htmlAndMathml',
    throwOnError: true,
    strict: 'ignore',
    trust: false,
    maxSize: 20,
    maxExpand: 500,
    macros: {},
  });
}

/** Text-mode commands whose argument is text, where a bare `&` can only mean an ampersand. */
const TEXT_COMMANDS = /\\(?:text(?:bf|it|rm|sf|tt|up|md|sl|normal)?|mbox|emph)\s*\{/g;

/**
 * The one repair tried on TeX that does not read: a bare `&` inside a text-mode argument (`\text{R&D}`) written
 * `\&`. In LaTeX it would be an alignment tab, an error inside text; the author plainly meant the character.
 * The page shows the TeX as given beside the formula, and says when it was read this way.
 * "\\text{R&D} & x" -> "\\text{R\\&D} & x"
 */
function repairTex(tex: string): string {
  let out = '';
  let cursor = 0;
  for (const match of tex.matchAll(TEXT_COMMANDS)) {
    const start = match.index + match[0].length;
    if (start <= cursor) continue;
    out += tex.slice(cursor, start);
    let depth = 1;
    let index = start;
    for (; index < tex.length && depth > 0; index++) {
      const char = tex[index]!;
      if (char === '\\') {
        out += tex.slice(index, index + 2);
        index++;
        continue;
      }
      if (char === '{') depth++;
      if (char === '}') depth--;
      out += char === '&' ? '\\&' : char;
    }
    cursor = index;
  }
  return out + tex.slice(cursor);
}
