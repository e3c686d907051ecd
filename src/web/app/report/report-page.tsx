import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../contracts/identity.js';
import { api, ApiError } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { fieldErrors, problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';
import { DRAFTS_EVENT, drafts, saveDraft, saveReport, type DraftSentDetail } from './device-store.js';
import {
  isNetworkError,
  newIdempotencyKey,
  submitReport,
  uploadPhoto,
  type ReportBody,
  type SubmitResult,
} from './http.js';
import { CategorySuggestions } from './category-suggestions.js';
import { PhotoPicker, type PhotoItem } from './photo-picker.js';
import { blobToDataUrl } from './photos.js';
import { PrivacyNotice } from './privacy-notice.js';
import { formatDate } from './format.js';

interface Category {
  code: string;
  name: string;
  nameEn: string;
  description: string;
}

interface UnitItem {
  code: string;
  name: string;
  level: number;
}

type Outcome =
  | { kind: 'sent'; result: SubmitResult; photosSkipped: number }
  | { kind: 'draft'; key: string; photosDropped: boolean };

interface Props {
  user: SessionUser | null;
  /** The province's name, for the privacy notice. */
  province: string;
  /** 3: districts then communes; 2: communes directly under the province. */
  levels: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// The map picker is fetched only when opened (it and the outlines stay out of the first load).
const PinMap = lazy(() => import('./pin-map.js'));
/** "Gửi phản ánh": a short mobile-first form; works offline by keeping a draft that is sent later. */
export function ReportPage({ user, province, levels }: Props) {
  const en = getLang() === 'en';
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [districts, setDistricts] = useState<UnitItem[]>([]);
  const [communes, setCommunes] = useState<UnitItem[]>([]);
  const [categoryCode, setCategoryCode] = useState('');
  /** The citizen picked the category in the list: suggestions never replace it. */
  const [categoryByHand, setCategoryByHand] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [district, setDistrict] = useState('');
  const [commune, setCommune] = useState('');
  const [address, setAddress] = useState('');
  const [location, setLocation] = useState<{
    lat: number;
    lon: number;
    accuracy: number;
    /** Where the point came from: the phone's position, or a pin the citizen put on the map. */
    unitName?: string | null;
  } | null>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const [locating, setLocating] = useState(false);
  const [locationFailed, setLocationFailed] = useState(false);
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState(user?.email ?? '');
  const [display, setDisplay] = useState<'anonymous' | 'name'>('anonymous');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [loadProblem, setLoadProblem] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(() => drafts().filter((d) => !d.error).length);
  const keyRef = useRef<string | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const bodyId = useId();
  const consentId = useId();

  useEffect(() => {
    if (user?.email) setEmail((e) => e || user.email!);
  }, [user]);

  useEffect(() => {
    api<{ items: Category[] }>('GET', '/categories')
      .then((r) => setCategories(r.items))
      .catch(() => setLoadProblem(true));
    api<{ items: UnitItem[] }>('GET', '/units', { query: { level: 2 } })
      .then((r) => setDistricts(r.items))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    setCommune('');
    setCommunes([]);
    if (!district || levels < 3) return;
    let live = true;
    api<{ items: UnitItem[] }>('GET', '/units', { query: { parent: district } })
      .then((r) => live && setCommunes(r.items))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [district, levels]);

  // A draft sent in the background (back online): show its tracking code here.
  useEffect(() => {
    const onDrafts = (event: Event) => {
      setPending(drafts().filter((d) => !d.error).length);
      const detail = (event as CustomEvent<DraftSentDetail | undefined>).detail;
      if (!detail) return;
      setOutcome((current) =>
        current?.kind === 'draft' && current.key === detail.key
          ? { kind: 'sent', result: detail.result, photosSkipped: detail.photosSkipped }
          : current,
      );
    };
    window.addEventListener(DRAFTS_EVENT, onDrafts);
    return () => window.removeEventListener(DRAFTS_EVENT, onDrafts);
  }, []);

  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  function useCurrentLocation() {
    if (!('geolocation' in navigator)) {
      setLocationFailed(true);
      return;
    }
    setLocating(true);
    setLocationFailed(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocation({
          lat: Math.round(pos.coords.latitude * 1e6) / 1e6,
          lon: Math.round(pos.coords.longitude * 1e6) / 1e6,
          accuracy: Math.round(pos.coords.accuracy),
        });
        setLocating(false);
      },
      () => {
        setLocationFailed(true);
        setLocating(false);
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  }

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!categoryCode) out.categoryCode = t('report.categoryRequired');
    const tl = title.trim().length;
    if (tl < 5 || tl > 200) out.title = t('report.titleInvalid');
    const bl = body.trim().length;
    if (bl < 10 || bl > 5000) out.body = t('report.bodyInvalid');
    if (email.trim() && !EMAIL.test(email.trim())) out['reporter.email'] = t('report.contactRequired');
    if (!user && !phone.trim() && !email.trim()) out.contact = t('report.contactRequired');
    if (!consent) out.consent = t('privacy.consentRequired');
    return out;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // Move to the first field that needs attention (after the error states render).
      window.setTimeout(
        () => document.querySelector<HTMLElement>('.report-form [aria-invalid="true"]')?.focus(),
        0,
      );
      return;
    }
    setBusy(true);
    keyRef.current ??= newIdempotencyKey();
    const key = keyRef.current;
    const reporter: ReportBody['reporter'] = {};
    if (name.trim()) reporter.name = name.trim();
    if (phone.trim()) reporter.phone = phone.trim();
    if (email.trim()) reporter.email = email.trim();
    const unitCode = commune || district || undefined;
    const report: ReportBody = {
      categoryCode,
      title: title.trim(),
      body: body.trim(),
      ...(location ? { location: { lat: location.lat, lon: location.lon } } : {}),
      ...(address.trim() ? { address: address.trim() } : {}),
      ...(unitCode ? { unitCode } : {}),
      attachmentIds: [],
      uploadTokens: [],
      reporter,
      displayPublicly: display,
      consent: true,
      channel: 'app',
    };
    const contact = reporter.phone ?? reporter.email ?? null;
    let offline = navigator.onLine === false;
    const waiting: PhotoItem[] = [];
    let skipped = 0;
    for (const photo of photos) {
      if (photo.upload) {
        report.attachmentIds.push(photo.upload.id);
        report.uploadTokens.push(photo.upload.uploadToken);
        continue;
      }
      if (offline) {
        waiting.push(photo);
        continue;
      }
      try {
        const up = await uploadPhoto(photo.blob, photo.fileName);
        report.attachmentIds.push(up.id);
        report.uploadTokens.push(up.uploadToken);
      } catch (error) {
        if (isNetworkError(error)) {
          offline = true;
          waiting.push(photo);
        } else skipped++;
      }
    }
    try {
      if (offline)
        throw new ApiError(0, { type: 'about:blank', title: '', status: 0, code: 'service_unavailable' });
      const result = await submitReport(report, key);
      saveReport({
        code: result.trackingCode,
        contact,
        title: report.title,
        savedAt: new Date().toISOString(),
      });
      keyRef.current = null;
      setOutcome({ kind: 'sent', result, photosSkipped: skipped });
    } catch (error) {
      if (isNetworkError(error)) {
        const dataUrls: string[] = [];
        for (const photo of waiting) {
          try {
            dataUrls.push(await blobToDataUrl(photo.blob));
          } catch {
            // Unreadable: leave it out.
          }
        }
        const saved = saveDraft({
          key,
          body: report,
          photos: dataUrls,
          contact,
          createdAt: new Date().toISOString(),
        });
        if (saved.saved) {
          keyRef.current = null;
          setOutcome({ kind: 'draft', key, photosDropped: saved.photosDropped });
        } else setProblem(problemText(error));
      } else {
        setProblem(problemText(error));
        const fields = fieldErrors(error);
        if (error instanceof ApiError && error.code === 'contact_required')
          fields.contact = t('report.contactRequired');
        setErrors(fields);
      }
    } finally {
      setBusy(false);
    }
  }

  function reset() {
    for (const p of photos) URL.revokeObjectURL(p.url);
    setTitle('');
    setBody('');
    setAddress('');
    setLocation(null);
    setPhotos([]);
    setConsent(false);
    setErrors({});
    setProblem(null);
    setOutcome(null);
  }

  if (outcome?.kind === 'sent') {
    const code = outcome.result.trackingCode;
    return (
      <section aria-labelledby="report-sent">
        <h1 id="report-sent" ref={resultRef} tabIndex={-1} className="page-heading">
          {t('report.sentTitle')}
        </h1>
        <div className="tracking-box" role="status">
          <p className="tracking-label">{t('report.trackingCode')}</p>
          <p className="tracking-code" data-testid="tracking-code">
            {code}
          </p>
          <p className="tracking-save">{t('report.saveCode')}</p>
        </div>
        {outcome.result.deadlineAt ? (
          <p>{t('report.deadline', { date: formatDate(outcome.result.deadlineAt, false) })}</p>
        ) : null}
        <p className="muted">{t('report.savedOnDevice')}</p>
        {outcome.photosSkipped > 0 ? (
          <Alert tone="info" title={t('report.photosSkipped', { n: outcome.photosSkipped })} />
        ) : null}
        <div className="actions">
          <Link className="btn btn-primary" href="/app/phan-anh-cua-toi">
            {t('report.viewMine')}
          </Link>
          <Button variant="secondary" onClick={reset}>
            {t('report.sendAnother')}
          </Button>
        </div>
      </section>
    );
  }

  if (outcome?.kind === 'draft') {
    return (
      <section aria-labelledby="report-draft">
        <h1 id="report-draft" ref={resultRef} tabIndex={-1} className="page-heading">
          {t('report.draftSaved')}
        </h1>
        <Alert tone="info" title={t('report.draftSaved')}>
          <p>{t('report.draftSavedText')}</p>
          {outcome.photosDropped ? <p>{t('report.draftPhotosDropped')}</p> : null}
        </Alert>
        <div className="actions">
          <Link className="btn btn-secondary" href="/app/phan-anh-cua-toi">
            {t('report.viewMine')}
          </Link>
        </div>
      </section>
    );
  }

  const chosen = categories?.find((c) => c.code === categoryCode);
  const errorCount = Object.keys(errors).length;
  const threeLevels = levels >= 3;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="report-form">
      <PageHeading>{t('report.title')}</PageHeading>
      <p className="muted">{t('report.intro')}</p>
      {pending > 0 ? <Alert tone="info" title={t('report.draftsPending', { n: pending })} /> : null}
      {errorCount > 0 && !problem ? (
        <Alert
          tone="error"
          title={errors.consent && errorCount === 1 ? errors.consent : t('common.fixErrors')}
        >
          {errors.consent && errorCount > 1 ? <p>{errors.consent}</p> : null}
        </Alert>
      ) : null}
      <ProblemAlert problem={problem} />
      {loadProblem ? <Alert tone="error" title={t('report.categoriesFailed')} /> : null}

      <SelectField
        label={t('report.category')}
        hint={chosen ? (en ? chosen.nameEn : chosen.description) : undefined}
        value={categoryCode}
        onChange={(e) => {
          setCategoryCode(e.target.value);
          setCategoryByHand(e.target.value !== '');
        }}
        error={errors.categoryCode}
        required
        name="categoryCode"
      >
        <option value="">{categories ? t('report.categoryChoose') : t('common.loading')}</option>
        {(categories ?? []).map((c) => (
          <option key={c.code} value={c.code}>
            {en ? c.nameEn : c.name}
          </option>
        ))}
      </SelectField>

      <TextField
        label={t('report.titleLabel')}
        hint={t('report.titleHint')}
        value={title}
        maxLength={200}
        required
        name="title"
        onChange={(e) => setTitle(e.target.value)}
        error={errors.title}
      />

      <div className="field">
        <label htmlFor={bodyId}>{t('report.body')}</label>
        <p id={`${bodyId}-hint`} className="field-hint">
          {t('report.bodyHint')}
        </p>
        <textarea
          id={bodyId}
          name="body"
          rows={5}
          maxLength={5000}
          required
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={[`${bodyId}-hint`, errors.body ? `${bodyId}-error` : '']
            .filter(Boolean)
            .join(' ')}
        />
        {errors.body ? (
          <p id={`${bodyId}-error`} className="field-error">
            {errors.body}
          </p>
        ) : null}
      </div>
      <CategorySuggestions
        title={title}
        body={body}
        unitCode={commune || district}
        categoryCode={categoryCode}
        chosenByHand={categoryByHand}
        onChoose={(code) => {
          setCategoryCode(code);
          setErrors(({ categoryCode: _dropped, ...rest }) => rest);
        }}
      />

      <fieldset className="field">
        <legend>{t('report.place')}</legend>
        <p className="field-hint">{t('report.placeHint')}</p>
        <SelectField
          label={threeLevels ? t('report.district') : t('report.commune')}
          value={district}
          onChange={(e) => setDistrict(e.target.value)}
          error={errors.unitCode}
          name="district"
        >
          <option value="">{t('report.unitNone')}</option>
          {districts.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </SelectField>
        {threeLevels && district ? (
          <SelectField
            label={t('report.commune')}
            value={commune}
            onChange={(e) => setCommune(e.target.value)}
            name="commune"
          >
            <option value="">{communes.length ? t('report.unitNone') : t('common.loading')}</option>
            {communes.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label={t('report.address')}
          value={address}
          maxLength={300}
          name="address"
          autoComplete="street-address"
          onChange={(e) => setAddress(e.target.value)}
          error={errors.address}
        />
        <p className="field-hint" id="location-hint">
          {t('report.locationHint')}
        </p>
        <div className="actions">
          <Button
            variant="secondary"
            onClick={useCurrentLocation}
            busy={locating}
            aria-describedby="location-hint"
          >
            {locating ? t('report.locationBusy') : t('report.useLocation')}
          </Button>
          <Button variant="secondary" onClick={() => setMapOpen((v) => !v)} aria-expanded={mapOpen}>
            {mapOpen ? t('report.mapClose') : t('report.mapOpen')}
          </Button>
          {location ? (
            <Button variant="link" onClick={() => setLocation(null)}>
              {t('report.locationRemove')}
            </Button>
          ) : null}
        </div>
        {mapOpen ? (
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <PinMap
              pin={location}
              onPick={({ lat, lon, unit }) => {
                setLocation({ lat, lon, accuracy: 0, unitName: unit?.name ?? null });
                // The district the pin falls in is chosen for the citizen (they can still change it).
                if (unit && districts.some((d) => d.code === unit.code) && unit.code !== district) {
                  setDistrict(unit.code);
                  setCommune('');
                }
              }}
            />
          </Suspense>
        ) : null}
        <div role="status" aria-live="polite">
          {location ? (
            <p className="location-value">
              {location.unitName !== undefined
                ? t('report.pinGot', {
                    lat: location.lat.toFixed(5),
                    lon: location.lon.toFixed(5),
                    unit: location.unitName ?? t('report.pinOutside'),
                  })
                : t('report.locationGot', {
                    lat: location.lat.toFixed(5),
                    lon: location.lon.toFixed(5),
                    accuracy: location.accuracy,
                  })}
            </p>
          ) : null}
        </div>
        {locationFailed ? <p className="field-error">{t('report.locationFailed')}</p> : null}
        {errors.location ? <p className="field-error">{errors.location}</p> : null}
      </fieldset>

      <PhotoPicker photos={photos} onChange={setPhotos} />

      <fieldset className="field">
        <legend>{t('report.contact')}</legend>
        <p className="field-hint">{user ? t('report.contactHintSignedIn') : t('report.contactHint')}</p>
        {errors.contact ? <p className="field-error">{errors.contact}</p> : null}
        <TextField
          label={t('report.name')}
          value={name}
          maxLength={120}
          autoComplete="name"
          name="name"
          onChange={(e) => setName(e.target.value)}
          error={errors['reporter.name']}
        />
        <TextField
          label={t('report.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          name="phone"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={errors['reporter.phone']}
        />
        <TextField
          label={t('report.email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          name="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors['reporter.email']}
        />
      </fieldset>

      <fieldset className="checks">
        <legend>{t('report.display')}</legend>
        <label className="check">
          <input
            type="radio"
            name="displayPublicly"
            value="anonymous"
            checked={display === 'anonymous'}
            onChange={() => setDisplay('anonymous')}
          />
          {t('report.displayAnonymous')}
        </label>
        <label className="check">
          <input
            type="radio"
            name="displayPublicly"
            value="name"
            checked={display === 'name'}
            onChange={() => setDisplay('name')}
          />
          {t('report.displayName')}
        </label>
        <p className="field-hint">{t('report.displayHint')}</p>
      </fieldset>

      <PrivacyNotice province={province} />

      <div className={errors.consent ? 'consent consent-error' : 'consent'}>
        <input
          id={consentId}
          type="checkbox"
          name="consent"
          checked={consent}
          onChange={(e) => {
            setConsent(e.target.checked);
            if (e.target.checked) setErrors(({ consent: _c, ...rest }) => rest);
          }}
          aria-invalid={errors.consent ? true : undefined}
          aria-describedby={errors.consent ? `${consentId}-error` : 'privacy-notice'}
        />
        <label htmlFor={consentId}>{t('privacy.consent')}</label>
      </div>
      {errors.consent ? (
        <p id={`${consentId}-error`} className="field-error">
          {errors.consent}
        </p>
      ) : null}

      <Button type="submit" busy={busy} className="btn-block">
        {t('report.submit')}
      </Button>
    </form>
  );
}
