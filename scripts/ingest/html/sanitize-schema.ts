/**
 * What of a feed item's HTML survives sanitizing: GitHub's default schema (rehype-sanitize), plus figures and
 * the Substack classes the transforms read; the elements in STRIPPED go with their content, and everything
 * else unknown is unwrapped so its text survives.
 * <div class="footnote" onclick="x()"><script>y()</script>1</div> -> <div class="footnote">1</div>
 */
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** Tags removed together with their content, with the words their removal notes use. */
export const STRIPPED: Record<string, [singular: string, plural: string]> = {
  script: ['script', 'scripts'],
  style: ['style block', 'style blocks'],
  svg: ['svg icon', 'svg icons'],
  button: ['button', 'buttons'],
  form: ['form', 'forms'],
  input: ['form control', 'form controls'],
  select: ['form control', 'form controls'],
  textarea: ['form control', 'form controls'],
  iframe: ['embedded frame', 'embedded frames'],
  frame: ['embedded frame', 'embedded frames'],
  frameset: ['embedded frame', 'embedded frames'],
  object: ['embedded object', 'embedded objects'],
  embed: ['embedded object', 'embedded objects'],
  applet: ['embedded object', 'embedded objects'],
  template: ['template', 'templates'],
  noscript: ['noscript fallback', 'noscript fallbacks'],
  audio: ['audio player', 'audio players'],
  video: ['video player', 'video players'],
  canvas: ['canvas', 'canvases'],
};

const defaultAttributes = defaultSchema.attributes ?? {};

/** The schema rehype-sanitize runs with. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !(name in STRIPPED)), 'figure', 'figcaption'],
  strip: Object.keys(STRIPPED),
  attributes: {
    ...defaultAttributes,
    a: ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', 'href', ['className', 'footnote-anchor', 'footnote-number']],
    div: [
      ...(defaultAttributes.div ?? []),
      'dataAttrs',
      [
        'className',
        'footnote',
        'footnote-content',
        'pullquote',
        'latex-rendered',
        'image-link-expand',
        'subscription-widget-wrap-editor',
        'subscription-widget-wrap',
      ],
    ],
    span: ['dataAttrs', ['className', 'mention-wrap']],
    p: [...(defaultAttributes.p ?? []), ['className', 'button-wrapper']],
  },
};
