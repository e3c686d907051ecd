import { useState, type FormEvent } from 'react';
import type { DataRequestKind, DataRequestReceipt } from '../../../contracts/data-requests.js';
import type { SessionUser } from '../../../contracts/identity.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextArea } from '../../shared/ui/text-area.js';
import { TextField } from '../../shared/ui/text-field.js';

const KINDS: DataRequestKind[] = ['access', 'correction', 'deletion', 'objection'];

/**
 * A data subject request, for anyone: signed in (the code is optional) or with a tracking code and the
 * contact given with it. Staff answer within 2 working days; the receipt shows the deadline.
 */
export function DataRequestPage({ user }: { user: SessionUser | null }) {
  const [kind, setKind] = useState<DataRequestKind>('access');
  const [receipt, setReceipt] = useState<DataRequestReceipt | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const citizen = user?.kind === 'citizen';

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const correction = kind === 'correction' ? { name: text('newName'), email: text('newEmail') } : undefined;
    setBusy(true);
    try {
      setReceipt(
        await api<DataRequestReceipt>('POST', '/public/data-requests', {
          body: {
            kind,
            code: text('code'),
            contact: text('contact'),
            details: text('details'),
            // Undefined fields are left out of the JSON.
            ...(correction && (correction.name || correction.email) ? { correction } : {}),
          },
        }),
      );
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  const due = receipt
    ? new Date(receipt.dueAt).toLocaleString(getLang() === 'en' ? 'en-GB' : 'vi-VN', {
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : '';
  return (
    <>
      <PageHeading>{t('dataRequests.app.title')}</PageHeading>
      <p>{t('dataRequests.app.intro')}</p>
      {receipt ? <Alert tone="success" title={t('dataRequests.app.sent', { due })} /> : null}
      {problem ? <Alert title={problem.title}>{problem.detail}</Alert> : null}
      <form onSubmit={(e) => void send(e)} noValidate>
        <SelectField
          label={t('dataRequests.app.kind')}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as DataRequestKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dataRequests.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('dataRequests.app.code')}
          name="code"
          required={!citizen}
          {...(citizen ? { hint: t('dataRequests.app.codeHint') } : {})}
        />
        {citizen ? null : <TextField label={t('dataRequests.app.contact')} name="contact" required />}
        {kind === 'correction' ? (
          <>
            <TextField label={t('dataRequests.app.newName')} name="newName" autoComplete="name" />
            <TextField
              label={t('dataRequests.app.newEmail')}
              name="newEmail"
              type="email"
              autoComplete="email"
            />
          </>
        ) : null}
        <TextArea label={t('dataRequests.app.details')} name="details" maxLength={2000} />
        <Button type="submit" busy={busy}>
          {t('dataRequests.app.send')}
        </Button>
      </form>
    </>
  );
}
