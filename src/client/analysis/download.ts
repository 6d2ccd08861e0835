/**
 * Saving a table the browser made as a CSV file: a Blob with the CSV media type and a link clicked, the object URL
 * released after. downloadCsv('dossier-collocates-order-2026-12-01.csv', toCsv(header, rows))
 */
import { CSV_TYPE } from '../../core/analysis/csv.ts';

export function downloadCsv(name: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: CSV_TYPE }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
