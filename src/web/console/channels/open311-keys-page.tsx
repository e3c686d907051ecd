import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { fieldErrors, problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { TextField } from '../../shared/ui/text-field.js';
import { ListTable, listDateFormat, useListLoad } from '../shell/list-page.js';
import './channels.css';

interface Client {
  id: string;
  name: string;
  contact: string | null;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Open311 client apps (administrators): issue a key (shown once), list, revoke. */
export function Open311KeysPage() {
  const { items: clients, loading, problem, setProblem, reload } = useListLoad<Client>('/open311/clients');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const dateFormat = listDateFormat();

  async function issue(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const res = await api<{ name: string; apiKey: string }>('POST', '/open311/clients', {
        body: { name: name.trim(), ...(contact.trim() ? { contact: contact.trim() } : {}) },
      });
      setIssued({ name: res.name, apiKey: res.apiKey });
      setName('');
      setContact('');
      setErrors({});
      setProblem(null);
      await reload();
    } catch (error) {
      setErrors(fieldErrors(error));
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(c: Client) {
    setBusy(true);
    try {
      await api('POST', `/open311/clients/${c.id}/revoke`);
      setNotice(t('open311.revoked', { name: c.name }));
      setConfirming(null);
      setProblem(null);
      await reload();
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <PageHeading>{t('open311.title')}</PageHeading>
      <p>{t('open311.intro')}</p>
      {notice ? <Alert tone="success" title={notice} /> : null}
      <ProblemAlert problem={problem} />
      {issued ? (
        <Alert tone="success" title={t('open311.issuedTitle', { name: issued.name })}>
          <label htmlFor="issued-key">{t('open311.keyLabel')}</label>
          <input
            id="issued-key"
            readOnly
            value={issued.apiKey}
            size={48}
            onFocus={(e) => e.currentTarget.select()}
          />
        </Alert>
      ) : null}
      <form onSubmit={(e) => void issue(e)} className="channels-panel" noValidate>
        <TextField
          label={t('open311.name')}
          value={name}
          required
          minLength={2}
          maxLength={120}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('open311.contact')}
          value={contact}
          maxLength={200}
          error={errors.contact}
          onChange={(e) => setContact(e.target.value)}
        />
        <Button type="submit" busy={busy}>
          {t('open311.issue')}
        </Button>
      </form>

      <ListTable
        title={t('open311.listTitle', { count: clients.length })}
        empty={t('open311.empty')}
        loading={loading}
        items={clients}
        columns={[
          t('open311.name'),
          t('open311.prefix'),
          t('open311.created'),
          t('open311.state'),
          t('common.actions'),
        ]}
        row={(c) => (
          <tr key={c.id}>
            <td>
              {c.name}
              {c.contact ? <div className="muted">{c.contact}</div> : null}
            </td>
            <td>
              <code>{c.keyPrefix}…</code>
            </td>
            <td>{dateFormat.format(new Date(c.createdAt))}</td>
            <td>
              {c.revokedAt
                ? t('open311.revokedAt', { date: dateFormat.format(new Date(c.revokedAt)) })
                : t('open311.active')}
            </td>
            <td>
              {c.revokedAt ? null : confirming === c.id ? (
                <>
                  <span role="status">{t('open311.revokeConfirm', { name: c.name })}</span>{' '}
                  <Button variant="danger" busy={busy} onClick={() => void revoke(c)}>
                    {t('open311.revoke')}
                    <span className="visually-hidden"> {c.name}</span>
                  </Button>{' '}
                  <Button variant="secondary" onClick={() => setConfirming(null)}>
                    {t('common.cancel')}
                  </Button>
                </>
              ) : (
                <Button variant="secondary" onClick={() => setConfirming(c.id)}>
                  {t('open311.revoke')}
                  <span className="visually-hidden"> {c.name}</span>
                </Button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
