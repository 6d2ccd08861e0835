/**
 * A feed's declared language as a hint for its encoding (scripts/ingest/language-hint.ts): the language it declares,
 * the encodings that fit it, and the letters it never writes. The decoder's use of them is in the fixture folders
 * latin1-undeclared-feed-declared-language, latin1-undeclared-feed-language-disagrees and
 * undeclared-encoding-refused-names-its-language.
 */
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { declaredLanguage, encodingKey, foreignLetters, languageEncodings, languageName } from '../../scripts/ingest/language-hint.ts';

describe('declaredLanguage', () => {
  test.each([
    ['<rss><channel><title>T</title><language>pt-BR</language>', 'pt-BR'],
    ['<rdf:RDF><channel><dc:language> ru </dc:language>', 'ru'],
    ['<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-CA">', 'fr-CA'],
    ['<rss><channel><title>No language</title>', null],
    ['<language>not a tag!</language>', null],
  ])('%s -> %s', (head, language) => {
    expect(declaredLanguage(head)).toBe(language);
  });
});

describe('languageEncodings', () => {
  test.each([
    ['pt-BR', 'windows-1252'],
    ['es', 'windows-1252'],
    ['de', 'windows-1252'],
    ['ru', 'windows-1251'],
    ['pl', 'iso-8859-2'],
    ['zh-TW', 'big5'],
    ['zh-CN', 'gb18030'],
    ['ja', 'shift_jis'],
  ])('%s -> %s first', (tag, first) => {
    expect(languageEncodings(tag)?.[0]).toBe(first);
  });
  test('a language CLDR does not know has none', () => {
    expect(languageEncodings('xx')).toBeNull();
  });
  test('Latin-1 is read as Windows-1252', () => {
    expect(encodingKey('ISO-8859-1')).toBe('windows-1252');
  });
});

describe('foreignLetters', () => {
  const portuguese = 'A regulação da inteligência artificial não é simples; as inspeções dependeriam das próprias empresas.';
  test('Portuguese read as Latin-1 has only Portuguese letters; read as Latin-2, letters Portuguese never writes', () => {
    const bytes = iconv.encode(portuguese, 'latin1');
    expect(foreignLetters(iconv.decode(bytes, 'windows-1252'), 'pt-BR')).toEqual([]);
    expect(foreignLetters(iconv.decode(bytes, 'iso-8859-2'), 'pt-BR')).toContain('ő');
  });
  test('a word mixing scripts is foreign to any language', () => {
    expect(foreignLetters(iconv.decode(iconv.encode('São Paulo não', 'latin1'), 'windows-1251'), 'ru')).not.toEqual([]);
  });
  test('Russian letters are Russian', () => {
    expect(foreignLetters('Агентство по атомной энергии', 'ru')).toEqual([]);
  });
  test('names for messages', () => {
    expect(languageName('pt-BR')).toBe('Portuguese');
  });
});
