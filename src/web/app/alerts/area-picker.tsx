import { t } from '../../shared/i18n.js';
import { SelectField } from '../../shared/ui/select-field.js';

/** A unit of the province as `GET /api/v1/units` lists it. */
export interface UnitItem {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

/** A district and, optionally, one of its communes ('' when not chosen). */
export interface Area {
  district: string;
  commune: string;
}

export const NO_AREA: Area = { district: '', commune: '' };

/** The unit an area stands for: the commune when one is chosen, else the district ('' when none). */
export function areaCode(area: Area): string {
  return area.commune || area.district;
}

/**
 * Choosing where alerts are for: a district, then (optionally) one of its communes. Native labelled
 * <select>s in one group, so phones, keyboards and screen readers work as with any form field; changing
 * the district clears the commune, and the commune list appears only for a district that has communes.
 * On a two-level profile (communes directly under the province, e.g. Tây Ninh 2025) the one list is the
 * communes and is labelled so.
 */
export function AreaPicker({
  units,
  value,
  onChange,
}: {
  units: UnitItem[];
  value: Area;
  onChange: (area: Area) => void;
}) {
  const districts = units.filter((u) => u.level === 2);
  const threeLevels = units.some((u) => u.level >= 3);
  const communes = value.district ? units.filter((u) => u.parentCode === value.district) : [];
  return (
    <fieldset className="field">
      <legend>{t('alerts.app.area')}</legend>
      <SelectField
        label={threeLevels ? t('alerts.app.district') : t('report.commune')}
        value={value.district}
        onChange={(e) => onChange({ district: e.target.value, commune: '' })}
      >
        <option value="">—</option>
        {districts.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </SelectField>
      {communes.length ? (
        <SelectField
          label={t('alerts.app.commune')}
          value={value.commune}
          onChange={(e) => onChange({ district: value.district, commune: e.target.value })}
        >
          <option value="">{t('alerts.app.wholeDistrict')}</option>
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
    </fieldset>
  );
}

/** Names units by code (the code itself for a unit not in the list). */
export function unitNamer(units: UnitItem[]): (code: string) => string {
  return (code) => units.find((u) => u.code === code)?.name ?? code;
}
