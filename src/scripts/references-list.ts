/**
 * Sorting and filtering of /references/ in the browser: the list as built is in its default order (most cited
 * first), whole; this shows the controls, reorders the rows (most cited, or by name) and hides the rows of other
 * domains, keeping the choice in the address (`?sort=name&domain=arxiv.org`) so it can be shared and survives
 * the back button. It moves existing rows only: nothing it shows comes from a string.
 */
import { formatCount, plural } from '../core/count.ts';

const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function enhanceReferences(): void {
  const form = document.querySelector<HTMLFormElement>('[data-references-controls]');
  const list = document.querySelector<HTMLOListElement>('[data-works]');
  const status = document.querySelector<HTMLElement>('[data-references-status]');
  if (form === null || list === null || status === null) return;
  const rows = [...list.querySelectorAll<HTMLLIElement>(':scope > li')];
  const name = (row: HTMLLIElement) => row.querySelector('.work-label')?.textContent?.trim() ?? '';
  const order = (row: HTMLLIElement) => Number(row.dataset['order']);
  const byName = (a: HTMLLIElement, b: HTMLLIElement) => COLLATOR.compare(name(a), name(b)) || order(a) - order(b);
  const byCount = (a: HTMLLIElement, b: HTMLLIElement) => order(a) - order(b);
  const select = form.elements.namedItem('domain') as HTMLSelectElement;
  const domains = new Set([...select.options].map((option) => option.value));

  const apply = (sort: string, domain: string) => {
    const sorted = [...rows].sort(sort === 'name' ? byName : byCount);
    list.append(...sorted);
    let shown = 0;
    for (const row of rows) {
      const visible = domain === '' || row.dataset['domain'] === domain;
      row.hidden = !visible;
      if (visible) shown++;
    }
    status.textContent = `${formatCount(shown)} of ${plural(rows.length, 'work')}${domain === '' ? '' : ` on ${domain}`}, ${sort === 'name' ? 'by name' : 'most cited first'}.`;
  };

  const fromAddress = () => {
    const params = new URLSearchParams(location.search);
    const sort = params.get('sort') === 'name' ? 'name' : 'count';
    const domain = domains.has(params.get('domain') ?? '') ? (params.get('domain') ?? '') : '';
    (form.elements.namedItem('sort') as RadioNodeList).value = sort;
    select.value = domain;
    apply(sort, domain);
  };

  form.addEventListener('change', () => {
    const sort = (form.elements.namedItem('sort') as RadioNodeList).value;
    const domain = select.value;
    const params = new URLSearchParams();
    if (sort === 'name') params.set('sort', 'name');
    if (domain !== '') params.set('domain', domain);
    const query = params.toString();
    history.pushState(null, '', `${location.pathname}${query === '' ? '' : `?${query}`}${location.hash}`);
    apply(sort, domain);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  addEventListener('popstate', fromAddress);
  form.hidden = false;
  fromAddress();
}
