/**
 * The search page's facets (topic, outlet, format, year): built once, in the corpus's order, with a box to filter
 * the values of a long one and "Show all N" behind its first few; afterwards only their counts and checks change,
 * so nothing moves under the pointer or loses focus. A value with no result here is hidden, unless checked.
 * searchFacets(box, label).update({ topic: { Enforcement: 3 } }, { topic: ['Enforcement'] })
 *   -> Topic: [x] Enforcement (3); the disclosure's label "Filters (1 chosen)"
 */
import { element } from '../element.ts';
import { foldCharacters } from './exact.ts';
import type { FilterCounts } from './pagefind.ts';

/** The filters the index carries (src/components/SearchMeta.astro), in display order. Topics narrow
 * (an article must carry every chosen topic); the others widen within their group. */
export const FILTERS = [
  { name: 'topic', label: 'Topic', mode: 'all' },
  { name: 'outlet', label: 'Outlet', mode: 'any' },
  { name: 'format', label: 'Format', mode: 'any' },
  { name: 'year', label: 'Year', mode: 'any' },
] as const;
/** Values a facet shows before "Show all N". */
const FEW = 5;
/** A facet with more values than this in the corpus gets a box to filter them. */
const FILTER_BOX_FROM = 8;

/** The facets in `filterBox`, built from the corpus's counts on the first search, and the disclosure's label. */
export function searchFacets(filterBox: HTMLElement, disclosureLabel: HTMLElement) {
  /** One facet: its values in the corpus's order, whether "Show all" is open, and its filter box if it is long. */
  interface Group {
    name: string;
    label: string;
    fieldset: HTMLFieldSetElement;
    rows: Array<{ value: string; folded: string; row: HTMLElement; box: HTMLInputElement; count: HTMLElement; shown: boolean }>;
    toggle: HTMLButtonElement;
    filter?: HTMLInputElement;
    none: HTMLElement;
    expanded: boolean;
  }
  const groups: Group[] = [];

  const buildFilters = (corpus: FilterCounts) => {
    for (const { name, label } of FILTERS) {
      // The corpus's order, fixed for the page's life: most articles first (years newest first).
      const values = Object.entries(corpus[name] ?? {});
      values.sort((a, b) => (name === 'year' ? (a[0] < b[0] ? 1 : -1) : b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
      const fieldset = element('fieldset', 'search-filter');
      fieldset.append(element('legend', undefined, label));
      const listId = `filter-${name}-values`;
      const group: Group = {
        name,
        label,
        fieldset,
        rows: [],
        toggle: element('button', 'search-filter-toggle'),
        none: element('p', 'search-filter-none'),
        expanded: false,
      };
      if (values.length > FILTER_BOX_FROM) {
        const filter = element('input', 'search-filter-find');
        filter.type = 'search';
        filter.setAttribute('aria-label', `Filter the ${label.toLowerCase()} values`);
        filter.placeholder = `Filter ${values.length} ${label.toLowerCase()} values`;
        filter.setAttribute('aria-controls', listId);
        filter.autocomplete = 'off';
        filter.addEventListener('input', () => layoutGroup(group));
        fieldset.append(filter);
        group.filter = filter;
      }
      const list = element('div', 'search-filter-values');
      list.id = listId;
      for (const [value] of values) {
        const id = `filter-${name}-${value.replace(/[^a-z0-9]+/gi, '-')}`;
        const row = element('div', 'search-filter-option');
        const box = element('input');
        box.type = 'checkbox';
        box.id = id;
        box.name = name;
        box.value = value;
        const text = element('label', undefined, value);
        text.htmlFor = id;
        const count = element('span', 'count');
        text.append(' ', count);
        row.append(box, text);
        list.append(row);
        group.rows.push({ value, folded: foldCharacters(value), row, box, count, shown: false });
      }
      group.none.hidden = true;
      group.toggle.type = 'button';
      group.toggle.setAttribute('aria-controls', listId);
      group.toggle.addEventListener('click', () => {
        group.expanded = !group.expanded;
        layoutGroup(group);
      });
      fieldset.append(list, group.none, group.toggle);
      groups.push(group);
    }
    filterBox.replaceChildren(...groups.map((group) => group.fieldset));
  };

  /**
   * Which values a facet shows: those with a result here (and any checked), matching its filter box; the
   * first FEW of them unless "Show all" is open or the box is used. The order never changes.
   */
  const layoutGroup = (group: Group) => {
    const find = foldCharacters(group.filter?.value.trim() ?? '');
    const candidates = group.rows.filter((row) => (row.shown || row.box.checked) && (!find || row.folded.includes(find)));
    const all = group.expanded || find !== '';
    for (const row of group.rows) {
      const index = candidates.indexOf(row);
      row.row.hidden = !(index >= 0 && (all || index < FEW || row.box.checked));
    }
    const total = group.rows.filter((row) => row.shown || row.box.checked).length;
    group.fieldset.hidden = total === 0;
    group.none.hidden = !(find && candidates.length === 0);
    group.none.textContent = `No ${group.label.toLowerCase()} value matches “${group.filter?.value.trim() ?? ''}”.`;
    group.toggle.hidden = find !== '' || total <= FEW;
    group.toggle.textContent = group.expanded ? `Show the first ${FEW}` : `Show all ${total}`;
    group.toggle.setAttribute('aria-expanded', String(group.expanded));
    group.toggle.setAttribute(
      'aria-label',
      group.expanded ? `Show the first ${FEW} ${group.label.toLowerCase()} values` : `Show all ${total} ${group.label.toLowerCase()} values`,
    );
  };

  /** Counts and checks updated in place; a value with no result here is hidden, unless checked. */
  const updateFilters = (counts: FilterCounts, chosenValues: Readonly<Record<string, string[]>>) => {
    let chosen = 0;
    for (const group of groups) {
      for (const row of group.rows) {
        const count = counts[group.name]?.[row.value] ?? 0;
        row.count.textContent = `(${count})`;
        row.shown = count > 0;
        row.box.checked = (chosenValues[group.name] ?? []).includes(row.value);
        if (row.box.checked) chosen++;
      }
      layoutGroup(group);
    }
    disclosureLabel.textContent = chosen > 0 ? `Filters (${chosen} chosen)` : 'Filters';
  };

  return {
    /** Whether the facets are built. */
    get built() {
      return groups.length > 0;
    },
    build: buildFilters,
    update: updateFilters,
  };
}
