/**
 * What rendering an article's body records about it and is given for it, as data the renderer's plugins
 * (src/plugins/) and the site's lists (src/utils/) share: its links to other sites (BodyLink) and the DOIs and arXiv
 * ids written in it (BodyMention), for the link graph and the works cited; and the shared passages to mark under
 * its paragraphs (AlsoIn). Types only.
 * <p id="p-1" class="para">See <a href="https://x.org/a">the report</a>.</p>
 *   -> BodyLink { href: 'https://x.org/a', label: 'the report', anchor: 'p-1', place: 'para. 1', text: 'See the report.' }
 */
import type { IdentifierScheme } from './work-ids.ts';

/** A link of the body to another site: the href as written and the paragraph it stands in. */
export interface BodyLink {
  href: string;
  /** The link's own text as written (what it says it links to), trimmed; empty for a link around an image. */
  label: string;
  /** Id of its paragraph (a note's id for a link in a footnote, a heading's in a heading); null when none has one. */
  anchor: string | null;
  /** How a reader finds the paragraph without its link: "para. 12", "note 3"; null when neither. */
  place: string | null;
  /** The paragraph's text as the author wrote it, every space kept (a line break reads as a space), trimmed. */
  text: string;
  /** Set when it stands in residue, text set aside as not the author's (a feed's sign-off, a subscribe line). */
  residue?: true;
}

/** A DOI or arXiv id written in the body, with the paragraph or note it stands in. */
export interface BodyMention {
  scheme: IdentifierScheme;
  /** The identifier in its one spelling (a DOI in lower case, an arXiv id without version). */
  id: string;
  /** The identifier as written. */
  written: string;
  /** Id of its paragraph or note; null when it has none. */
  anchor: string | null;
  /** "para. 12", "note 3"; null when neither. */
  place: string | null;
  /** The paragraph's or note's text as the author wrote it (see paragraphText). */
  text: string;
  /** True when it stands in a note. */
  note: boolean;
}

/** A shared passage of one paragraph: its cluster's id and the other articles' paragraphs that have it. */
export interface AlsoIn {
  cluster: string;
  /** The other articles named, oldest first (src/utils/reuse.ts, ALSO_IN_SHOWN of them at most). */
  articles: { slug: string; title: string; paragraph: string }[];
  /** How many other articles have it besides those named (none when absent). */
  more?: number;
}
