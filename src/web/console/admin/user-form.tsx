import { useState, type FormEvent } from 'react';
import type { AgencyView, UserView } from '../../../contracts/identity.js';
import { AGENCY_SCOPED_ROLES, ROLE_LABELS, STAFF_ROLES, type Role } from '../../../contracts/roles.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { fieldErrors, problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';
import { AgencyPicker } from './agency-picker.js';

interface UserFormProps {
  /** The account being edited; absent when creating one. */
  user?: UserView;
  agencies: AgencyView[];
  onSaved: (user: UserView) => void;
  onCancel: () => void;
}

/** Create a staff account or edit one: name, contact, password and roles (agency roles need an agency). */
export function UserForm({ user, agencies, onSaved, onCancel }: UserFormProps) {
  const lang = getLang();
  const [username, setUsername] = useState(user?.username ?? '');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [locale, setLocale] = useState<'vi' | 'en'>(user?.locale ?? 'vi');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(user?.roles.map((r) => r.role) ?? []);
  const [agencyId, setAgencyId] = useState(user?.roles.find((r) => r.agencyId)?.agencyId ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const needsAgency = roles.some((r) => AGENCY_SCOPED_ROLES.includes(r));

  function toggleRole(role: Role, on: boolean) {
    setRoles((current) => (on ? [...current, role] : current.filter((r) => r !== role)));
  }

  function validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!user && username.trim().length < 3) errors.username = t('users.usernameInvalid');
    if (fullName.trim().length < 2) errors.fullName = t('users.fullNameInvalid');
    if ((!user || password) && password.length < 10) errors.password = t('users.passwordTooShort');
    if (roles.length === 0) errors.roles = t('users.rolesRequired');
    if (needsAgency && !agencyId) errors.agencyId = t('users.agencyRequired');
    return errors;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const errors = validate();
    setFields(errors);
    if (Object.keys(errors).length > 0) {
      setProblem({ title: t('common.fixErrors') });
      return;
    }
    const roleBody = roles.map((role) => ({
      role,
      agencyId: AGENCY_SCOPED_ROLES.includes(role) ? agencyId : null,
    }));
    const body: Record<string, unknown> = {
      fullName: fullName.trim(),
      email: email.trim() || null,
      locale,
      roles: roleBody,
    };
    if (!user) body.username = username.trim();
    if (password) body.password = password;
    setBusy(true);
    try {
      const saved = user
        ? await api<UserView>('PATCH', `/admin/users/${user.id}`, { body })
        : await api<UserView>('POST', '/admin/users', { body });
      onSaved(saved);
    } catch (error) {
      setProblem(problemText(error));
      const byPath = fieldErrors(error);
      const agencyError = Object.entries(byPath).find(([k]) => k.endsWith('agencyId'))?.[1];
      setFields({ ...byPath, ...(agencyError ? { agencyId: agencyError } : {}) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="user-form-title">
      <h2 id="user-form-title">
        {user ? t('users.editTitle', { name: user.fullName }) : t('users.createTitle')}
      </h2>
      <ProblemAlert problem={problem} />
      {user ? null : (
        <TextField
          label={t('users.username')}
          hint={t('users.usernameHint')}
          autoComplete="off"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={fields.username}
        />
      )}
      <TextField
        label={t('users.fullName')}
        required
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        error={fields.fullName}
      />
      <TextField
        label={t('users.email')}
        type="email"
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fields.email}
      />
      <SelectField
        label={t('users.locale')}
        hint={t('users.localeHint')}
        value={locale}
        onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'vi')}
      >
        <option value="vi">Tiếng Việt</option>
        <option value="en">English</option>
      </SelectField>
      <TextField
        label={user ? t('users.newPassword') : t('users.password')}
        hint={t('users.passwordHint')}
        type="password"
        autoComplete="new-password"
        required={!user}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fields.password}
      />
      <fieldset className="checks" aria-describedby={fields.roles ? 'user-roles-error' : undefined}>
        <legend>{t('users.roles')}</legend>
        {STAFF_ROLES.map((role) => (
          <label key={role} className="check">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => toggleRole(role, e.target.checked)}
            />
            {ROLE_LABELS[role][lang]}
            {AGENCY_SCOPED_ROLES.includes(role) ? (
              <span className="muted"> ({t('users.needsAgency')})</span>
            ) : null}
          </label>
        ))}
        {fields.roles ? (
          <p id="user-roles-error" className="field-error">
            {fields.roles}
          </p>
        ) : null}
      </fieldset>
      {needsAgency ? (
        <AgencyPicker
          label={t('users.agency')}
          agencies={agencies}
          value={agencyId}
          onChange={setAgencyId}
          required
          error={fields.agencyId}
        />
      ) : null}
      <div className="actions">
        <Button type="submit" busy={busy}>
          {user ? t('common.save') : t('users.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
