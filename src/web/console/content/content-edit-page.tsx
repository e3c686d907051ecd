import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  CONTENT_ACTION_LABELS,
  CONTENT_CATEGORIES,
  CONTENT_STATUS_LABELS,
  CONTENT_TYPE_LABELS,
  CONTENT_TYPES,
  ONLINE_LEVEL_LABELS,
  ONLINE_LEVELS,
  type ContentAction,
  type ContentFields,
  type ContentType,
  type ContentVersionView,
  type MediaView,
  type OnlineLevel,
  type StaffContentItem,
} from '../../../contracts/content.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { fieldErrors, problemText } from '../../shared/problem-text.js';
import { navigate } from '../../shared/router.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextArea } from '../../shared/ui/text-area.js';
import { TextField } from '../../shared/ui/text-field.js';
import { CONTENT_CONSOLE, formatWhen } from './content-list-page.js';
import './content.css';

interface Form {
  type: ContentType;
  title: string;
  slug: string;
  summary: string;
  body: string;
  category: string;
  docNumber: string;
  docIssuedOn: string;
  docIssuer: string;
  serviceUrl: string;
  serviceLevel: OnlineLevel;
  serviceProvider: string;
  serviceHowTo: string;
  videoUrl: string;
  mediaIds: string[];
  coverMediaId: string;
  publishAt: string;
  unpublishAt: string;
}

const firstCategory = (type: ContentType) => Object.keys(CONTENT_CATEGORIES[type])[0]!;

const EMPTY: Form = {
  type: 'article',
  title: '',
  slug: '',
  summary: '',
  body: '',
  category: firstCategory('article'),
  docNumber: '',
  docIssuedOn: '',
  docIssuer: '',
  serviceUrl: '',
  serviceLevel: 'full',
  serviceProvider: '',
  serviceHowTo: '',
  videoUrl: '',
  mediaIds: [],
  coverMediaId: '',
  publishAt: '',
  unpublishAt: '',
};

/** ISO instant → the value of a datetime-local input (local time, minutes). */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The form shows the pending correction of a published item when there is one (that is what gets edited). */
function fromItem(item: StaffContentItem): Form {
  const i = item.revision ? { ...item, ...item.revision, publishAt: item.publishAt } : item;
  return {
    type: i.type,
    title: i.title,
    slug: i.slug,
    summary: i.summary,
    body: i.body,
    category: i.category,
    docNumber: i.fields.document?.number ?? '',
    docIssuedOn: i.fields.document?.issuedOn ?? '',
    docIssuer: i.fields.document?.issuer ?? '',
    serviceUrl: i.fields.service?.url ?? '',
    serviceLevel: i.fields.service?.onlineLevel ?? 'full',
    serviceProvider: i.fields.service?.provider ?? '',
    serviceHowTo: i.fields.service?.howTo ?? '',
    videoUrl: i.fields.guide?.videoUrl ?? '',
    mediaIds: i.mediaIds,
    coverMediaId: i.coverMediaId ?? '',
    publishAt: toLocalInput(i.publishAt),
    unpublishAt: toLocalInput(i.unpublishAt),
  };
}

function requestBody(f: Form) {
  const fields: ContentFields = {};
  if (f.type === 'document')
    fields.document = { number: f.docNumber, issuedOn: f.docIssuedOn, issuer: f.docIssuer };
  if (f.type === 'service')
    fields.service = {
      url: f.serviceUrl,
      onlineLevel: f.serviceLevel,
      provider: f.serviceProvider,
      howTo: f.serviceHowTo,
    };
  if (f.type === 'guide' && f.videoUrl) fields.guide = { videoUrl: f.videoUrl };
  return {
    title: f.title,
    ...(f.slug ? { slug: f.slug } : {}),
    summary: f.summary,
    body: f.body,
    category: f.category,
    fields,
    mediaIds: f.mediaIds,
    coverMediaId: f.coverMediaId || null,
    publishAt: f.publishAt ? new Date(f.publishAt).toISOString() : null,
    unpublishAt: f.unpublishAt ? new Date(f.unpublishAt).toISOString() : null,
  };
}

/** Writes, edits and moves one content item through the workflow; `id` undefined for a new item. */
export function ContentEditPage({ id }: { id?: string }) {
  const lang = getLang();
  const [form, setForm] = useState<Form>(EMPTY);
  const [item, setItem] = useState<StaffContentItem | null>(null);
  const [versions, setVersions] = useState<ContentVersionView[]>([]);
  const [library, setLibrary] = useState<MediaView[]>([]);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!id) return;
    const res = await api<{ item: StaffContentItem; versions: ContentVersionView[] }>(
      'GET',
      `/content/items/${id}`,
    );
    setItem(res.item);
    setVersions(res.versions);
    setForm(fromItem(res.item));
  }, [id]);

  useEffect(() => {
    load().catch((err: unknown) => setProblem(problemText(err)));
    api<{ items: MediaView[] }>('GET', '/content/media', { query: { limit: 100 } })
      .then((res) => setLibrary(res.items))
      .catch(() => setLibrary([]));
  }, [load]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const editable = !item || item.canEdit;

  const fail = (err: unknown) => {
    setProblem(problemText(err));
    setErrors(fieldErrors(err));
    setNotice(null);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      if (!item) {
        const created = await api<StaffContentItem>('POST', '/content/items', {
          body: { type: form.type, ...requestBody(form) },
        });
        setProblem(null);
        setErrors({});
        navigate(`${CONTENT_CONSOLE}/${created.id}`);
        return;
      }
      const saved = await api<StaffContentItem>('PUT', `/content/items/${item.id}`, {
        body: { ...requestBody(form), version: item.version },
      });
      setItem(saved);
      setForm(fromItem(saved));
      await load();
      setProblem(null);
      setErrors({});
      setNotice(t('content.console.saved', { version: saved.version }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const act = async (action: ContentAction) => {
    if (!item) return;
    setBusy(true);
    try {
      await api<StaffContentItem>('POST', `/content/items/${item.id}/transitions`, {
        body: { action, version: item.version, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      await load();
      setNote('');
      setProblem(null);
      setNotice(t('content.console.done', { action: CONTENT_ACTION_LABELS[action][lang] }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (version: number) => {
    if (!item) return;
    setBusy(true);
    try {
      await api('POST', `/content/items/${item.id}/restore`, {
        body: { version, currentVersion: item.version },
      });
      await load();
      setNotice(t('content.console.restored', { version }));
      setProblem(null);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const previewLink = async () => {
    if (!item) return;
    try {
      const res = await api<{ url: string }>('POST', `/content/items/${item.id}/preview-link`);
      setPreview(res.url);
    } catch (err) {
      fail(err);
    }
  };

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const data = new FormData();
      data.append('file', file);
      const json = await api<MediaView>('POST', '/content/media', { form: data });
      setLibrary((l) => [json, ...l]);
      setForm((f) => ({
        ...f,
        mediaIds: [...f.mediaIds, json.id],
        coverMediaId: f.coverMediaId || (json.kind === 'photo' ? json.id : ''),
      }));
      setProblem(null);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const attached = form.mediaIds
    .map((mid) => library.find((m) => m.id === mid) ?? item?.media.find((m) => m.id === mid))
    .filter((m): m is MediaView => !!m);

  return (
    <>
      <p>
        <Link href={CONTENT_CONSOLE}>{t('content.console.back')}</Link>
      </p>
      <PageHeading>{item ? item.title : t('content.console.new')}</PageHeading>
      {item ? (
        <p role="status" data-testid="content-status">
          {t('content.console.status')}: <strong>{CONTENT_STATUS_LABELS[item.status][lang]}</strong>
          {item.status === 'published'
            ? ` — ${item.live ? t('content.console.live') : t('content.console.scheduled')}`
            : ''}
          {' · '}
          {t('content.console.version', { version: item.version })}
        </p>
      ) : null}
      {item?.revision ? (
        <Alert tone="info">
          {t(
            item.revision.status === 'submitted'
              ? 'content.console.revisionSubmitted'
              : 'content.console.revisionDraft',
          )}
        </Alert>
      ) : item?.status === 'published' && item.canEdit ? (
        <p>{t('content.console.revisionHint')}</p>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ProblemAlert problem={problem} />

      <form className="content-form" onSubmit={save} noValidate>
        <fieldset disabled={!editable || busy}>
          <legend>{t('content.console.text')}</legend>
          <SelectField
            label={t('content.console.type')}
            value={form.type}
            disabled={!!item}
            onChange={(e) => {
              const type = e.target.value as ContentType;
              setForm((f) => ({ ...f, type, category: firstCategory(type) }));
            }}
          >
            {CONTENT_TYPES.map((ct) => (
              <option key={ct} value={ct}>
                {CONTENT_TYPE_LABELS[ct][lang]}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('content.console.itemTitle')}
            value={form.title}
            onChange={(e) => set('title', e.target.value)}
            required
            maxLength={250}
            error={errors.title}
          />
          <SelectField
            label={t('content.console.category')}
            value={form.category}
            onChange={(e) => set('category', e.target.value)}
          >
            {Object.entries(CONTENT_CATEGORIES[form.type]).map(([code, l]) => (
              <option key={code} value={code}>
                {l[lang]}
              </option>
            ))}
          </SelectField>
          <TextArea
            label={t('content.console.summary')}
            value={form.summary}
            onChange={(e) => set('summary', e.target.value)}
            maxLength={600}
            rows={2}
            error={errors.summary}
          />
          <TextArea
            label={t('content.console.body')}
            hint={t('content.console.bodyHint')}
            value={form.body}
            onChange={(e) => set('body', e.target.value)}
            rows={14}
            error={errors.body}
          />
          {form.type === 'document' ? (
            <>
              <TextField
                label={t('content.docNumber')}
                value={form.docNumber}
                onChange={(e) => set('docNumber', e.target.value)}
                placeholder="310/KH-UBND"
                error={errors['fields.document.number']}
              />
              <TextField
                label={t('content.docDate')}
                type="date"
                value={form.docIssuedOn}
                onChange={(e) => set('docIssuedOn', e.target.value)}
                error={errors['fields.document.issuedOn']}
              />
              <TextField
                label={t('content.docIssuer')}
                value={form.docIssuer}
                onChange={(e) => set('docIssuer', e.target.value)}
                error={errors['fields.document.issuer']}
              />
            </>
          ) : null}
          {form.type === 'service' ? (
            <>
              <TextField
                label={t('content.serviceLink')}
                type="url"
                value={form.serviceUrl}
                onChange={(e) => set('serviceUrl', e.target.value)}
                error={errors['fields.service.url']}
              />
              <SelectField
                label={t('content.serviceLevel')}
                value={form.serviceLevel}
                onChange={(e) => set('serviceLevel', e.target.value as OnlineLevel)}
              >
                {ONLINE_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {ONLINE_LEVEL_LABELS[l][lang]}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('content.serviceProvider')}
                value={form.serviceProvider}
                onChange={(e) => set('serviceProvider', e.target.value)}
              />
              <TextArea
                label={t('content.serviceUse')}
                value={form.serviceHowTo}
                onChange={(e) => set('serviceHowTo', e.target.value)}
                rows={4}
              />
            </>
          ) : null}
          {form.type === 'guide' ? (
            <TextField
              label={t('content.console.videoUrl')}
              type="url"
              value={form.videoUrl}
              onChange={(e) => set('videoUrl', e.target.value)}
              error={errors['fields.guide.videoUrl']}
            />
          ) : null}
        </fieldset>

        <fieldset disabled={!editable || busy}>
          <legend>{t('content.console.media')}</legend>
          <label className="field">
            <span>{t('content.console.upload')}</span>
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/webm,application/pdf,.docx,.xlsx,.odt"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
                e.target.value = '';
              }}
            />
          </label>
          {attached.length ? (
            <ul className="content-media">
              {attached.map((m) => (
                <li key={m.id}>
                  {m.thumbnailUrl ? <img src={m.thumbnailUrl} alt="" width={80} height={50} /> : null}{' '}
                  {m.fileName}
                  {m.kind === 'photo' ? (
                    <label>
                      <input
                        type="radio"
                        name="cover"
                        checked={form.coverMediaId === m.id}
                        onChange={() => set('coverMediaId', m.id)}
                      />{' '}
                      {t('content.console.cover')}
                    </label>
                  ) : null}{' '}
                  <Button
                    type="button"
                    variant="link"
                    onClick={() =>
                      setForm((f) => ({
                        ...f,
                        mediaIds: f.mediaIds.filter((x) => x !== m.id),
                        coverMediaId: f.coverMediaId === m.id ? '' : f.coverMediaId,
                      }))
                    }
                  >
                    {t('content.console.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          {library.length ? (
            <SelectField
              label={t('content.console.fromLibrary')}
              value=""
              onChange={(e) => {
                const mid = e.target.value;
                if (mid && !form.mediaIds.includes(mid)) set('mediaIds', [...form.mediaIds, mid]);
              }}
            >
              <option value="">—</option>
              {library
                .filter((m) => !form.mediaIds.includes(m.id))
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.fileName}
                  </option>
                ))}
            </SelectField>
          ) : null}
        </fieldset>

        <fieldset disabled={!editable || busy}>
          <legend>{t('content.console.schedule')}</legend>
          <TextField
            label={t('content.console.publishAt')}
            hint={t('content.console.publishAtHint')}
            type="datetime-local"
            value={form.publishAt}
            onChange={(e) => set('publishAt', e.target.value)}
            error={errors.publishAt}
          />
          <TextField
            label={t('content.console.unpublishAt')}
            type="datetime-local"
            value={form.unpublishAt}
            onChange={(e) => set('unpublishAt', e.target.value)}
            error={errors.unpublishAt}
          />
        </fieldset>
        {editable ? (
          <Button type="submit" busy={busy}>
            {item ? t('content.console.save') : t('content.console.create')}
          </Button>
        ) : (
          <p>{t('content.console.notEditable')}</p>
        )}
      </form>

      {item ? (
        <section aria-labelledby="content-workflow">
          <h2 id="content-workflow">{t('content.console.workflow')}</h2>
          {item.availableActions.length ? (
            <>
              <TextField
                label={t('content.console.note')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={1000}
              />
              <div className="content-actions">
                {item.availableActions.map((a) => (
                  <Button
                    key={a}
                    type="button"
                    variant={a === 'return' || a === 'unpublish' || a === 'archive' ? 'secondary' : 'primary'}
                    busy={busy}
                    onClick={() => void act(a)}
                  >
                    {CONTENT_ACTION_LABELS[a][lang]}
                  </Button>
                ))}
              </div>
            </>
          ) : (
            <p>{t('content.console.noActions')}</p>
          )}
          <p>
            <Button type="button" variant="secondary" onClick={() => void previewLink()}>
              {t('content.console.previewLink')}
            </Button>
          </p>
          {preview ? (
            <p>
              {t('content.console.previewReady')}{' '}
              <a href={preview} target="_blank" rel="noreferrer">
                {preview}
              </a>
            </p>
          ) : null}
          {item.live ? (
            <p>
              <a
                href={`/chuyen-doi-so/${{ article: 'tin-tuc', document: 'van-ban', guide: 'huong-dan', material: 'tai-lieu-tuyen-truyen', service: 'dich-vu-so' }[item.type]}/${item.slug}`}
              >
                {t('content.console.viewPublic')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {item ? (
        <section aria-labelledby="content-versions">
          <h2 id="content-versions">{t('content.console.versions')}</h2>
          <table className="content-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('content.console.when')}</th>
                <th scope="col">{t('content.console.who')}</th>
                <th scope="col">{t('content.console.change')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td>{v.version}</td>
                  <td>{formatWhen(v.savedAt)}</td>
                  <td>{v.savedBy ?? '—'}</td>
                  <td>
                    {v.note ?? ''} — {v.title}
                  </td>
                  <td>
                    {item.canEdit && v.version !== item.version ? (
                      <Button type="button" variant="link" onClick={() => void restore(v.version)}>
                        {t('content.console.restore')}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
