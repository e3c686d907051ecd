import { useId, useRef, useState, type ChangeEvent } from 'react';
import { t } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/button.js';
import { isNetworkError, uploadPhoto, type UploadResult } from './http.js';
import { MAX_PHOTOS, resizePhoto } from './photos.js';

export interface PhotoItem {
  localId: string;
  fileName: string;
  /** The resized JPEG. */
  blob: Blob;
  /** Object URL for the thumbnail. */
  url: string;
  status: 'uploading' | 'ready' | 'waiting' | 'failed';
  upload?: UploadResult;
}

let counter = 0;

/**
 * Camera or gallery photos: each is resized on the phone, shown as a thumbnail and uploaded at once.
 * A failed upload never blocks the report (it is retried when sending, or kept in the offline draft).
 */
export function PhotoPicker({
  photos,
  onChange,
}: {
  photos: PhotoItem[];
  onChange: (p: PhotoItem[]) => void;
}) {
  const id = useId();
  const [limitHit, setLimitHit] = useState(false);
  // The latest list, for updates that arrive after an upload finishes.
  const latest = useRef(photos);
  latest.current = photos;

  function update(localId: string, change: Partial<PhotoItem>) {
    const next = latest.current.map((p) => (p.localId === localId ? { ...p, ...change } : p));
    latest.current = next;
    onChange(next);
  }

  async function add(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const room = MAX_PHOTOS - latest.current.length;
    setLimitHit(files.length > room);
    for (const file of files.slice(0, Math.max(0, room))) {
      const blob = await resizePhoto(file);
      const item: PhotoItem = {
        localId: `p${++counter}`,
        fileName: file.name.replace(/\.[^.]+$/, '') + '.jpg',
        blob,
        url: URL.createObjectURL(blob),
        status: navigator.onLine === false ? 'waiting' : 'uploading',
      };
      latest.current = [...latest.current, item];
      onChange(latest.current);
      if (item.status === 'waiting') continue;
      uploadPhoto(blob, item.fileName)
        .then((upload) => update(item.localId, { status: 'ready', upload }))
        .catch((error: unknown) =>
          update(item.localId, { status: isNetworkError(error) ? 'waiting' : 'failed' }),
        );
    }
  }

  function remove(localId: string) {
    const gone = latest.current.find((p) => p.localId === localId);
    if (gone) URL.revokeObjectURL(gone.url);
    latest.current = latest.current.filter((p) => p.localId !== localId);
    onChange(latest.current);
    setLimitHit(false);
  }

  const statusText = (p: PhotoItem) =>
    p.status === 'uploading'
      ? t('report.photoUploading')
      : p.status === 'ready'
        ? t('report.photoReady')
        : p.status === 'waiting'
          ? t('report.photoWaiting')
          : t('report.photoFailed');

  return (
    <fieldset className="field photos">
      <legend>{t('report.photos', { max: MAX_PHOTOS })}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t('report.photosHint')}
      </p>
      {photos.length > 0 ? (
        <ul className="photo-list">
          {photos.map((p, i) => (
            <li key={p.localId} className="photo-item">
              <img src={p.url} alt={t('report.photoAlt', { n: i + 1 })} width={96} height={96} />
              <span className={p.status === 'failed' ? 'field-error photo-status' : 'muted photo-status'}>
                {statusText(p)}
              </span>
              <Button variant="danger" onClick={() => remove(p.localId)}>
                {t('report.removePhoto', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {limitHit ? (
        <p className="field-error" role="alert">
          {t('report.photoLimit', { max: MAX_PHOTOS })}
        </p>
      ) : null}
      {photos.length < MAX_PHOTOS ? (
        <div className="actions photo-add">
          <input
            id={`${id}-camera`}
            className="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            aria-describedby={`${id}-hint`}
            onChange={(e) => void add(e)}
          />
          <label htmlFor={`${id}-camera`} className="btn btn-secondary">
            {t('report.takePhoto')}
          </label>
          <input
            id={`${id}-gallery`}
            className="visually-hidden"
            type="file"
            accept="image/*"
            multiple
            aria-describedby={`${id}-hint`}
            onChange={(e) => void add(e)}
          />
          <label htmlFor={`${id}-gallery`} className="btn btn-secondary">
            {t('report.choosePhoto')}
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
