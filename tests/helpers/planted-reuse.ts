/**
 * A planted corpus for the text-reuse detector: articles of pseudo-random filler in ordinary English words (a seeded
 * generator, so no two share a passage by chance) into which known passages are planted: verbatim, with small
 * edits, with their sentences reordered, one quoted by three articles, a near paraphrase; and known non-reuse:
 * common phrases every article uses ("artificial intelligence", "the International Atomic Energy Agency"), a
 * passage repeated within one article, and runs of function words. The truth is what a reader would call reuse.
 */
import { seededRandom } from '../../scripts/lib/seeded-random.ts';
import type { ReuseDocument } from '../../src/core/text-reuse.ts';

/** A planted passage: the exact text each article's version holds (a substring of one of its paragraphs). */
export interface Planted {
  name: string;
  versions: Record<string, string>;
}

const FILLER =
  'river lantern copper meadow quietly harbor distant orchard velvet marble thunder kitten ladder festival carpet mirror ' +
  'pencil glacier bicycle compass saddle whisper garden tunnel parcel violin cabinet ribbon harvest island blanket ' +
  'chimney lemon feather canyon pillow hammer lagoon engine puzzle basket tomato candle wander gather polish borrow ' +
  'follow sprinkle arrange collect repair measure travel invite balance explore sparkle gentle narrow bright ' +
  'hollow brave clever eager fancy humble jolly lively modest noble proud silent tidy wise green yellow purple ' +
  'morning evening winter summer autumn spring valley bridge castle market village station window doorway'.split(' ');
const FUNCTION = 'the of and to in that it is was for on with as at by from this which or an be are'.split(' ');

/** A filler sentence of `count` words, function words among them as in prose. */
function sentence(random: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const pool = random() < 0.35 ? FUNCTION : FILLER;
    out.push(pool[Math.floor(random() * pool.length)]!);
  }
  const text = out.join(' ');
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

/** Filler prose: `sentences` sentences of 9 to 16 words. */
function filler(random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random, 9 + Math.floor(random() * 8))).join(' ');
}

const EXACT = 'The compute thresholds proposed in the draft would bind only the six largest laboratories for the next decade.';
const EDITED_A = 'Inspectors would need standing access to every data centre above a certain size, including those run by cloud providers.';
const EDITED_B = 'Inspectors would require standing access to each data centre above a certain size, including the ones run by cloud providers.';
const S1 = 'Verification of training runs remains the hardest technical problem the agency would face.';
const S2 = 'Smaller countries fear being locked out of frontier research by export controls on chips.';
const S3 = 'A treaty without enforcement would repeat the failures of voluntary pledges made since the first summit.';
const QUOTE = '“We are not asking for permission, we are asking for a seat at the table where the rules get written,” the minister said.';
const PARA_A = 'A US-led world order would hand a big advantage to an American oligopoly that includes his own company.';
const PARA_B = 'The critics say the plan could functionally reward an American oligopoly that includes Altman’s own company.';

/** The planted corpus and its truth. */
export function plantedCorpus(): { documents: ReuseDocument[]; planted: Planted[] } {
  const random = seededRandom(14);
  const common = (text: string) => `${filler(random, 2)} ${text} ${filler(random, 2)}`;
  const documents: ReuseDocument[] = [
    {
      slug: 'alpha',
      paragraphs: [
        { id: 'a1', text: common(`Artificial intelligence is changing policy. ${EXACT}`) },
        { id: 'a2', text: common(`${S1} ${S2} ${S3}`) },
        { id: 'a3', text: common(`The International Atomic Energy Agency is the model. ${EDITED_A}`) },
        { id: 'a4', text: common(QUOTE) },
      ],
    },
    {
      slug: 'beta',
      paragraphs: [
        { id: 'b1', text: common(`Some say ${EXACT} Others disagree about artificial intelligence.`) },
        { id: 'b2', text: common(`${S3} In other news, ${filler(random, 1)} ${S1}`) },
        { id: 'b3', text: common(EDITED_B) },
      ],
    },
    {
      slug: 'gamma',
      paragraphs: [
        { id: 'g1', text: common(`As reported, ${QUOTE}`) },
        { id: 'g2', text: common(PARA_A) },
        // Reuse within one article is not reuse.
        { id: 'g3', text: common('The same sentence about lanterns and copper rivers appears twice in this one article only.') },
        { id: 'g4', text: common('The same sentence about lanterns and copper rivers appears twice in this one article only.') },
      ],
    },
    {
      slug: 'delta',
      paragraphs: [
        { id: 'd1', text: common(`In a speech on artificial intelligence and the International Atomic Energy Agency: ${QUOTE}`) },
        { id: 'd2', text: common(PARA_B) },
        // Common phrases and function-word runs shared with the others, and nothing more.
        {
          id: 'd3',
          text: common('It is one of the most important questions of artificial intelligence, and it is not clear that it is the one that will be asked.'),
        },
      ],
    },
    {
      slug: 'epsilon',
      paragraphs: [
        {
          id: 'e1',
          text: common('It is one of the most important questions for the International Atomic Energy Agency and for artificial intelligence in general.'),
        },
        { id: 'e2', text: common('And it is not clear that it is the one that the artificial intelligence labs will answer.') },
      ],
    },
  ];
  const planted: Planted[] = [
    { name: 'exact copy', versions: { alpha: EXACT.slice(0, -1), beta: EXACT.slice(0, -1) } },
    { name: 'small edits', versions: { alpha: EDITED_A.slice(0, -1), beta: EDITED_B.slice(0, -1) } },
    { name: 'reordered sentence (first)', versions: { alpha: S1.slice(0, -1), beta: S1.slice(0, -1) } },
    { name: 'reordered sentence (third)', versions: { alpha: S3.slice(0, -1), beta: S3.slice(0, -1) } },
    { name: 'quoted by three', versions: { alpha: QUOTE.slice(1, -12), gamma: QUOTE.slice(1, -12), delta: QUOTE.slice(1, -12) } },
    {
      name: 'near paraphrase',
      versions: { gamma: 'an American oligopoly that includes his own company', delta: 'an American oligopoly that includes Altman’s own company' },
    },
  ];
  return { documents, planted };
}
