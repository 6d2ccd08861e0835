/**
 * A BCP 47 tag -> the direction its script is written in, from the locale data the runtime ships (Intl.Locale's
 * text info, CLDR), so every right-to-left script (Hebrew, Arabic, Thaana, Syriac, N'Ko, ...) is covered without a
 * list of our own. "he" -> "rtl", "ur-PK" -> "rtl", "az-Arab" -> "rtl", "ja" -> "ltr", null -> "ltr".
 * Hand-written only to read the two spellings: Node 24 has `getTextInfo()`, the standard now says `textInfo`.
 */

/** The writing direction of `lang`'s script; "ltr" for an unknown or malformed tag. */
export function textDirection(lang: string | null | undefined): 'ltr' | 'rtl' {
  if (lang == null) return 'ltr';
  try {
    const locale = new Intl.Locale(lang).maximize() as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** The language's English name for the reader ("he" -> "Hebrew", "zh-TW" -> "Chinese (Taiwan)"); the tag itself when
 * the runtime has no name for it. */
export function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** The attributes an element holding a text in `lang` carries: `lang`, and `dir="rtl"` for a right-to-left script;
 * none for an unknown language (the page's English then applies). "he" -> { lang: "he", dir: "rtl" }, null -> {} */
export function languageAttributes(lang: string | null | undefined): { lang?: string; dir?: 'rtl' } {
  if (lang == null) return {};
  return textDirection(lang) === 'rtl' ? { lang, dir: 'rtl' } : { lang };
}

/** The attributes of the site's own words (labels, bylines, buttons) inside a text in `lang`: English, left to
 * right; none when the text around them is of unknown language (already English). "he" -> { lang: "en", dir: "ltr" } */
export function furnitureAttributes(lang: string | null | undefined): { lang?: 'en'; dir?: 'ltr' } {
  return lang == null ? {} : { lang: 'en', dir: 'ltr' };
}
