/**
 * What the transforms of one conversion share: its removal notes and base URL, carried in the file's data
 * because the processor is built once for every item.
 * notes.add("image button") twice -> notes.list() = ["2 image buttons"]
 */
import type { VFile } from 'vfile';

/** Collects removal notes, merging repeats into counts ("2 image buttons"). */
export interface Notes {
  add(singular: string, plural?: string): void;
  list(): string[];
}

/** One conversion's shared state (in the file's data). */
export interface Conversion {
  notes: Notes;
  /** Warnings about what was kept but not as the source meant it (a formula KaTeX cannot read). */
  notices: string[];
  baseUrl: URL | null;
}

declare module 'vfile' {
  interface DataMap {
    conversion: Conversion;
  }
}

/** The conversion a transform is part of. */
export function getConversion(file: VFile): Conversion {
  const conversion = file.data.conversion;
  if (conversion === undefined) throw new Error('convert-html transforms run only through convertHtml');
  return conversion;
}

/** Empty removal notes. */
export function createNotes(): Notes {
  const counts = new Map<string, { plural: string; count: number }>();
  return {
    add(singular, plural = `${singular}s`) {
      const entry = counts.get(singular) ?? { plural, count: 0 };
      entry.count += 1;
      counts.set(singular, entry);
    },
    list() {
      return [...counts].map(([singular, { plural, count }]) => (count === 1 ? singular : `${count} ${plural}`));
    },
  };
}
