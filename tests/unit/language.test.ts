/** The language stage (scripts/ingest/language.ts) and the direction of a language's script (src/core/text-direction.ts). */
import { describe, expect, test } from 'vitest';
import { assignLanguage, canonicalTag, MIN_LETTERS } from '../../scripts/ingest/language.ts';
import { languageName, textDirection } from '../../src/core/text-direction.ts';

// Short texts of our own in each script, long enough to detect (MIN_LETTERS letters and more).
const texts = {
  en: 'The proposal for an international agency would license the largest training runs and send inspectors to check the data centres, much as the atomic agency does with reactors.',
  he: 'ההצעה להקים סוכנות בינלאומית לבינה מלאכותית תדרוש רישוי של אימוני המודלים הגדולים ביותר ותשלח פקחים לבדוק את מרכזי הנתונים, בדומה לסוכנות לאנרגיה אטומית.',
  ar: 'يقترح المقال إنشاء وكالة دولية للذكاء الاصطناعي تمنح التراخيص لأكبر عمليات التدريب وترسل مفتشين إلى مراكز البيانات، على غرار الوكالة الدولية للطاقة الذرية.',
  fa: 'این پیشنهاد می‌خواهد یک آژانس بین‌المللی برای هوش مصنوعی بسازد که به بزرگ‌ترین آموزش‌ها مجوز بدهد و بازرسانی به مراکز داده بفرستد، مانند آژانس انرژی اتمی.',
  ru: 'Предложение создать международное агентство по искусственному интеллекту предполагает лицензирование крупнейших обучений и инспекции центров обработки данных.',
  zh: '这项提议要建立一个国际人工智能机构，为规模最大的模型训练发放许可证，并派遣检查员前往数据中心进行核查，就像国际原子能机构对待核反应堆那样。我们认为这个想法值得认真讨论。',
  ja: 'この提案は、人工知能のための国際機関を設立し、最大規模の学習に許可を与え、データセンターに査察官を派遣するというものです。原子力の国際機関と同じように考えられています。',
};

describe('assignLanguage: catalog, then source, then detection; unknown rather than a guess', () => {
  test.each(Object.entries(texts))('%s text without a declaration is detected as %s', (lang, text) => {
    expect(assignLanguage({ text })).toEqual({ lang, origin: 'detected' });
  });

  test.each([
    [
      { declared: 'en-us', text: texts.he },
      { lang: 'en-US', origin: 'source' },
    ],
    [
      { declared: 'he_IL', text: texts.en },
      { lang: 'he-IL', origin: 'source' },
    ],
    [
      { declared: 'heb', text: '' },
      { lang: 'he', origin: 'source' },
    ],
    [
      { catalog: 'zh-TW', declared: 'en', text: texts.zh },
      { lang: 'zh-TW', origin: 'catalog' },
    ],
    [
      { catalog: 'fa', text: texts.ar },
      { lang: 'fa', origin: 'catalog' },
    ],
    [{ text: 'Chapter one' }, { lang: null, origin: 'unknown' }],
    [{ text: '十戒' }, { lang: null, origin: 'unknown' }],
    [
      { declared: '', text: 'A title only' },
      { lang: null, origin: 'unknown' },
    ],
  ])('%j -> %j', (input, expected) => {
    expect(assignLanguage(input)).toEqual(expected);
  });

  test('a text just under the letter floor is unknown, however clear', () => {
    const short = [...texts.en.replace(/[^a-z ]/gi, '')].slice(0, MIN_LETTERS + 10).join('');
    const letters = short.replace(/[^a-z]/gi, '').slice(0, MIN_LETTERS - 1);
    expect(assignLanguage({ text: letters }).origin).toBe('unknown');
  });

  test('a declaration that is no language tag is set aside with a note, and the text decides', () => {
    const result = assignLanguage({ declared: 'English!', text: texts.ru });
    expect(result.lang).toBe('ru');
    expect(result.origin).toBe('detected');
    expect(result.note).toMatch(/"English!", which is not a BCP 47 tag/);
  });

  test.each([
    ['en-us', 'en-US'],
    ['ZH_hant_tw', 'zh-Hant-TW'],
    ['cmn', 'zh'],
    ['und', null],
    ['x', null],
  ])('canonicalTag(%j) -> %j', (value, tag) => {
    expect(canonicalTag(value)).toBe(tag);
  });
});

describe('textDirection: by the script of the language, from the runtime locale data', () => {
  test.each([
    ['he', 'rtl'],
    ['ar', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['yi', 'rtl'],
    ['ps', 'rtl'],
    ['dv', 'rtl'],
    ['he-IL', 'rtl'],
    ['az-Arab', 'rtl'],
    ['en', 'ltr'],
    ['ja', 'ltr'],
    ['zh-TW', 'ltr'],
    ['ru', 'ltr'],
    ['az', 'ltr'],
    [null, 'ltr'],
    ['not a tag', 'ltr'],
  ])('%j -> %s', (lang, direction) => {
    expect(textDirection(lang)).toBe(direction);
  });

  test('the language is named in English for the reader', () => {
    expect(languageName('he')).toBe('Hebrew');
    expect(languageName('zh-TW')).toMatch(/^Chinese/);
  });
});
