import { useMemo, useState } from 'react';
import { AGENCY_KIND_VALUES, type AgencyView } from '../../../contracts/identity.js';
import { t } from '../../shared/i18n.js';
import { FilterableSelect } from '../../shared/ui/filterable-select.js';
import { SelectField } from '../../shared/ui/select-field.js';

interface AgencyPickerProps {
  label: string;
  agencies: AgencyView[];
  value: string;
  onChange: (id: string) => void;
  required?: boolean;
  error?: string | null;
  /** Agencies that may not be picked (e.g. the agency itself as its own parent). */
  exclude?: string;
}

/** Chooses one agency among hundreds: narrow by kind, then type part of the name. */
export function AgencyPicker({
  label,
  agencies,
  value,
  onChange,
  required,
  error,
  exclude,
}: AgencyPickerProps) {
  const [kind, setKind] = useState('');
  const options = useMemo(
    () =>
      agencies
        .filter((a) => a.id !== exclude && (a.active || a.id === value))
        .filter((a) => !kind || a.kind === kind || a.id === value)
        .map((a) => ({ value: a.id, label: a.name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [agencies, kind, value, exclude],
  );
  return (
    <div className="agency-picker">
      <SelectField label={t('agency.kindFilter')} value={kind} onChange={(e) => setKind(e.target.value)}>
        <option value="">{t('common.all')}</option>
        {AGENCY_KIND_VALUES.map((k) => (
          <option key={k} value={k}>
            {t(`agencyKind.${k}`)}
          </option>
        ))}
      </SelectField>
      <FilterableSelect
        label={label}
        filterLabel={t('agency.search')}
        emptyLabel={t('agency.choose')}
        noMatchLabel={t('agency.noMatch')}
        options={options}
        value={value}
        onChange={onChange}
        required={required}
        error={error}
      />
    </div>
  );
}
