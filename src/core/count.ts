/**
 * Numbers as the site and the terminal write them, one way everywhere: digits grouped in thousands with commas
 * ("2,150"), and a count with its noun in the singular or the plural. Pure and framework-free.
 *   formatCount(23750) -> "23,750";  plural(1, 'article') -> "1 article";  plural(2150, 'article') -> "2,150 articles";  formatDecimal(3.14159, 2) -> "3.14"
 */

const grouped = new Intl.NumberFormat('en');

/** A whole number with its thousands grouped: "2,150". */
export function formatCount(n: number): string {
  return grouped.format(n);
}

/** A count and its noun: "1 source", "2,150 sources", plural(3, 'passage', 'passages'). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const decimals = new Map<number, Intl.NumberFormat>();

/** A measure with a fixed number of decimals, grouped like a count: formatDecimal(1234.567, 2) -> "1,234.57". */
export function formatDecimal(n: number, digits: number): string {
  let format = decimals.get(digits);
  if (format === undefined) decimals.set(digits, (format = new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(n);
}
