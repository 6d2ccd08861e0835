/**
 * The inferred mark (src/components/InferredMark.astro) for a search result's title or date, cloned from the
 * templates the page carries (InferredMarkTemplates.astro), so results are marked exactly as pages are.
 * inferredMark('title') -> <sup class="inferred-mark" data-inferred="title" …></sup> (or nothing without the template)
 */

/** A fresh copy of the mark for `field`; an empty list if the page has no template. */
export function inferredMark(field: 'title' | 'date'): Node[] {
  const template = document.querySelector<HTMLTemplateElement>(`template[data-inferred-mark="${field}"]`);
  return template ? [...template.content.cloneNode(true).childNodes] : [];
}
