import { useEffect, useState, type FormEvent } from 'react';
import { AGENCY_KIND_VALUES, type AgencyView, type UnitView } from '../../../contracts/identity.js';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { fieldErrors, problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { FilterableSelect } from '../../shared/ui/filterable-select.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';
import { AgencyPicker } from './agency-picker.js';

type Kind = (typeof AGENCY_KIND_VALUES)[number];

interface AgencyFormProps {
  agency?: AgencyView;
  agencies: AgencyView[];
  onSaved: (agency: AgencyView) => void;
  onCancel: () => void;
}

/** Create or edit an agency: names, kind, parent agency and administrative unit. */
export function AgencyForm({ agency, agencies, onSaved, onCancel }: AgencyFormProps) {
  const [code, setCode] = useState(agency?.code ?? '');
  const [name, setName] = useState(agency?.name ?? '');
  const [shortName, setShortName] = useState(agency?.shortName ?? '');
  const [kind, setKind] = useState<Kind>(agency?.kind ?? 'department');
  const [parentId, setParentId] = useState(agency?.parentId ?? '');
  const [unitCode, setUnitCode] = useState(agency?.unitCode ?? '');
  const [email, setEmail] = useState(agency?.email ?? '');
  const [phone, setPhone] = useState(agency?.phone ?? '');
  const [active, setActive] = useState(agency?.active ?? true);
  const [units, setUnits] = useState<UnitView[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  useEffect(() => {
    api<{ items: UnitView[] }>('GET', '/units')
      .then((res) => setUnits(res.items))
      .catch((error: unknown) => setProblem(problemText(error)));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const body: Record<string, unknown> = {
      name: name.trim(),
      shortName: shortName.trim(),
      kind,
      parentId: parentId || null,
      unitCode: unitCode || null,
      email: email.trim() || null,
      phone: phone.trim() || null,
    };
    if (agency) body.active = active;
    else body.code = code.trim();
    setBusy(true);
    try {
      const saved = agency
        ? await api<AgencyView>('PATCH', `/admin/agencies/${agency.id}`, { body })
        : await api<AgencyView>('POST', '/admin/agencies', { body });
      onSaved(saved);
    } catch (error) {
      setProblem(problemText(error));
      setFields(fieldErrors(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="agency-form-title">
      <h2 id="agency-form-title">
        {agency ? t('agencies.editTitle', { name: agency.name }) : t('agencies.createTitle')}
      </h2>
      <ProblemAlert problem={problem} />
      {agency ? null : (
        <TextField
          label={t('agencies.code')}
          hint={t('agencies.codeHint')}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={fields.code}
        />
      )}
      <TextField
        label={t('agencies.name')}
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
      />
      <TextField
        label={t('agencies.shortName')}
        required
        value={shortName}
        onChange={(e) => setShortName(e.target.value)}
        error={fields.shortName}
      />
      <SelectField
        label={t('agencies.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
        error={fields.kind}
      >
        {AGENCY_KIND_VALUES.map((k) => (
          <option key={k} value={k}>
            {t(`agencyKind.${k}`)}
          </option>
        ))}
      </SelectField>
      <AgencyPicker
        label={t('agencies.parent')}
        agencies={agencies}
        value={parentId}
        onChange={setParentId}
        exclude={agency?.id}
        error={fields.parentId}
      />
      <FilterableSelect
        label={t('agencies.unit')}
        filterLabel={t('agencies.unitSearch')}
        emptyLabel={t('agencies.noUnit')}
        noMatchLabel={t('agency.noMatch')}
        options={units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
        value={unitCode}
        onChange={setUnitCode}
        error={fields.unitCode}
      />
      <TextField
        label={t('agencies.email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fields.email}
      />
      <TextField
        label={t('agencies.phone')}
        type="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={fields.phone}
      />
      {agency ? (
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('agencies.activeLabel')}
        </label>
      ) : null}
      <div className="actions">
        <Button type="submit" busy={busy}>
          {agency ? t('common.save') : t('agencies.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
