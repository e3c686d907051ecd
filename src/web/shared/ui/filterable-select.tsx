import { useId, useMemo, useState } from 'react';

export interface Option {
  value: string;
  label: string;
}

interface FilterableSelectProps {
  label: string;
  filterLabel: string;
  emptyLabel: string;
  noMatchLabel: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string | null;
}

/** Removes Vietnamese diacritics so "ben luc" finds "Bến Lức". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A native <select> with a search box above it, for long lists (e.g. ~220 agencies). */
export function FilterableSelect(props: FilterableSelectProps) {
  const { label, filterLabel, emptyLabel, noMatchLabel, options, value, onChange, required, error } = props;
  const id = useId();
  const [filter, setFilter] = useState('');
  const visible = useMemo(() => {
    const needle = fold(filter.trim());
    const matches = needle ? options.filter((o) => fold(o.label).includes(needle)) : options;
    // Keep the chosen option visible even when the filter hides it.
    const chosen = options.find((o) => o.value === value);
    return chosen && !matches.includes(chosen) ? [chosen, ...matches] : matches;
  }, [filter, options, value]);
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="field filterable">
      <legend>{label}</legend>
      <label htmlFor={`${id}-filter`}>{filterLabel}</label>
      <input
        id={`${id}-filter`}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        aria-controls={`${id}-select`}
      />
      <label htmlFor={`${id}-select`}>{label}</label>
      <select
        id={`${id}-select`}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
      >
        <option value="">{visible.length === 0 ? noMatchLabel : emptyLabel}</option>
        {visible.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
