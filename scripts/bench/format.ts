/**
 * How the benchmark writes its figures, in its terminal lines and the tables of docs/performance.md.
 *   s(45.08) -> '45.1'; mb(3500) -> '3.42 GB'; kb(30720) -> '30.0 KB'; n(10000) -> '10,000'
 */

/** Seconds, to three significant figures or so. */
export const s = (seconds: number) => (seconds >= 100 ? seconds.toFixed(0) : seconds >= 10 ? seconds.toFixed(1) : seconds.toFixed(2));
/** Megabytes, as GB from 1024 MB. */
export const mb = (value: number) => (value >= 1024 ? `${(value / 1024).toFixed(2)} GB` : `${value.toFixed(0)} MB`);
/** Bytes as kilobytes. */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** Bytes as MB, or GB from 1 GB. */
export const size = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`);
/** A count with thousands separated. */
export const n = (value: number) => value.toLocaleString('en-GB');
