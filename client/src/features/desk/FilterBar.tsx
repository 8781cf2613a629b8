/** Filters (crisis, flag, entity, source, dates) and search. */
import type { RefObject } from 'react';
import type { Crisis } from '../../../../shared/crisis.js';
import { flagKinds } from '../../../../shared/report.js';
import type { DeskFilters } from './filters.js';

export function FilterBar(props: {
  filters: DeskFilters;
  onChange: (f: DeskFilters) => void;
  crises: readonly Crisis[];
  sources: string[];
  entities: string[];
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  // Taken apart: the compiler reads any use of a props object holding a ref as reading the ref.
  const { filters: f, onChange, crises, sources, entities, searchRef } = props;
  const set = (patch: Partial<DeskFilters>) => onChange({ ...f, ...patch });
  return (
    <div className="desk-filters" role="search">
      <input
        ref={searchRef}
        type="search"
        aria-label="Search"
        placeholder="Search (/)"
        value={f.search}
        data-testid="desk-search"
        onChange={(e) => set({ search: e.target.value })}
      />
      <select
        aria-label="Crisis"
        value={f.crisis}
        data-testid="crisis-filter"
        onChange={(e) => set({ crisis: e.target.value })}
      >
        <option value="">every crisis</option>
        <option value="none">in no crisis</option>
        {crises.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </select>
      <select aria-label="Flag" value={f.flag} onChange={(e) => set({ flag: e.target.value as DeskFilters['flag'] })}>
        <option value="any">any flag</option>
        <option value="none">unflagged</option>
        {flagKinds.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <input
        aria-label="Entity"
        list="desk-entities"
        placeholder="Person, place, org"
        value={f.entity}
        onChange={(e) => set({ entity: e.target.value })}
      />
      <datalist id="desk-entities">
        {entities.map((e) => (
          <option key={e} value={e} />
        ))}
      </datalist>
      <select aria-label="Source" value={f.source} onChange={(e) => set({ source: e.target.value })}>
        <option value="">any source</option>
        {sources.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <input type="date" aria-label="From" value={f.from} onChange={(e) => set({ from: e.target.value })} />
      <input type="date" aria-label="To" value={f.to} onChange={(e) => set({ to: e.target.value })} />
    </div>
  );
}
