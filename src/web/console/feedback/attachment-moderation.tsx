import { useRef, useState, type FormEvent, type PointerEvent } from 'react';
import type { AttachmentView, RedactionRegion } from '../../../contracts/feedback.js';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { TextArea } from '../../shared/ui/text-area.js';
import { TextField } from '../../shared/ui/text-field.js';

type Problem = { title: string; detail?: string } | null;

interface Props {
  attachment: AttachmentView;
  /** Called with the outcome's message after a change was saved. */
  onDone: (notice: string) => void;
}

/**
 * The IOC's moderation of one attachment on the report page: hide it from the public (or show it again),
 * and for photos mask regions (faces, number plates) so that the public sees only the masked copy.
 */
export function AttachmentModeration({ attachment: a, onDone }: Props) {
  const [mode, setMode] = useState<'visibility' | 'mask' | null>(null);
  const toggle = (m: 'visibility' | 'mask') => setMode(mode === m ? null : m);
  const done = (notice: string) => {
    setMode(null);
    onDone(notice);
  };
  return (
    <div className="attachment-moderation">
      <div className="actions">
        <Button
          variant="secondary"
          aria-expanded={mode === 'visibility'}
          onClick={() => toggle('visibility')}
        >
          {a.hidden ? t('mod.show') : t('mod.hide')}
        </Button>
        {a.kind === 'photo' ? (
          <Button variant="secondary" aria-expanded={mode === 'mask'} onClick={() => toggle('mask')}>
            {a.redactions.length ? t('mod.editMask', { n: a.redactions.length }) : t('mod.mask')}
          </Button>
        ) : null}
        {a.redactions.length ? (
          <a href={`${a.url}?view=public`} target="_blank" rel="noreferrer">
            {t('mod.publicCopy')}
          </a>
        ) : null}
      </div>
      {mode === 'visibility' ? (
        <VisibilityForm attachment={a} onCancel={() => setMode(null)} onDone={done} />
      ) : null}
      {mode === 'mask' ? <MaskEditor attachment={a} onCancel={() => setMode(null)} onDone={done} /> : null}
    </div>
  );
}

/** The reason every moderation step asks for (kept in the audit log). */
export function useReason() {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const check = () => {
    const ok = reason.trim().length >= 3;
    setError(ok ? null : t('mod.reasonRequired'));
    return ok;
  };
  const field = (
    <TextArea
      label={t('mod.reason')}
      rows={2}
      value={reason}
      error={error}
      maxLength={500}
      onChange={(e) => setReason(e.target.value)}
    />
  );
  return { reason: reason.trim(), check, field };
}

function VisibilityForm({ attachment: a, onCancel, onDone }: Props & { onCancel: () => void }) {
  const reason = useReason();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const title = a.hidden
    ? t('mod.showTitle', { name: a.fileName })
    : t('mod.hideTitle', { name: a.fileName });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.check()) return;
    setBusy(true);
    try {
      await api('POST', `/attachments/${a.id}/visibility`, {
        body: { hidden: !a.hidden, reason: reason.reason },
      });
      onDone(t(a.hidden ? 'mod.shown' : 'mod.hidden', { name: a.fileName }));
    } catch (error) {
      setProblem(problemText(error));
      setBusy(false);
    }
  }

  return (
    <form className="card" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <ProblemAlert problem={problem} />
      {reason.field}
      <div className="actions">
        <Button type="submit" busy={busy}>
          {a.hidden ? t('mod.show') : t('mod.hide')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const round = (v: number) => Math.round(v * 10000) / 10000;
const percent = (v: number) => `${round(v * 100)}%`;

/** A region kept inside the photo and at least 1 % wide and high. */
function fit(r: RedactionRegion): RedactionRegion {
  const width = clamp(r.width, 0.01, 1);
  const height = clamp(r.height, 0.01, 1);
  return {
    x: round(clamp(r.x, 0, 1 - width)),
    y: round(clamp(r.y, 0, 1 - height)),
    width: round(width),
    height: round(height),
  };
}

function MaskEditor({ attachment: a, onCancel, onDone }: Props & { onCancel: () => void }) {
  const [regions, setRegions] = useState<RedactionRegion[]>(a.redactions);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const reason = useReason();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);

  const pointAt = (e: PointerEvent) => {
    const box = frame.current!.getBoundingClientRect();
    return {
      x: clamp((e.clientX - box.left) / box.width, 0, 1),
      y: clamp((e.clientY - box.top) / box.height, 0, 1),
    };
  };
  const dragged = drag
    ? {
        x: Math.min(drag.x0, drag.x1),
        y: Math.min(drag.y0, drag.y1),
        width: Math.abs(drag.x1 - drag.x0),
        height: Math.abs(drag.y1 - drag.y0),
      }
    : null;

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = pointAt(e);
    setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (!drag) return;
    const p = pointAt(e);
    setDrag({ ...drag, x1: p.x, y1: p.y });
  }
  function onPointerUp() {
    if (dragged && dragged.width >= 0.01 && dragged.height >= 0.01 && regions.length < 20) {
      setRegions([...regions, fit(dragged)]);
    }
    setDrag(null);
  }

  const change = (i: number, key: keyof RedactionRegion, value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n)) return;
    setRegions(regions.map((r, j) => (j === i ? fit({ ...r, [key]: n / 100 }) : r)));
  };

  async function save(list: RedactionRegion[], e?: FormEvent) {
    e?.preventDefault();
    if (!reason.check()) return;
    setBusy(true);
    try {
      await api('PUT', `/attachments/${a.id}/redaction`, { body: { regions: list, reason: reason.reason } });
      onDone(
        list.length
          ? t('mod.masked', { n: list.length, name: a.fileName })
          : t('mod.unmasked', { name: a.fileName }),
      );
    } catch (error) {
      setProblem(problemText(error));
      setBusy(false);
    }
  }

  return (
    <form
      className="card mask-form"
      aria-label={t('mod.maskTitle', { name: a.fileName })}
      onSubmit={(e) => void save(regions, e)}
      noValidate
    >
      <p className="field-hint">{t('mod.maskHelp')}</p>
      <ProblemAlert problem={problem} />
      <div
        ref={frame}
        className="mask-frame"
        data-testid="mask-frame"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
      >
        <img src={a.url} alt={t('mod.imageAlt', { name: a.fileName })} draggable={false} />
        {regions.map((r, i) => (
          <div
            key={i}
            className="mask-box"
            aria-hidden="true"
            style={{
              left: percent(r.x),
              top: percent(r.y),
              width: percent(r.width),
              height: percent(r.height),
            }}
          >
            {i + 1}
          </div>
        ))}
        {dragged ? (
          <div
            className="mask-box mask-box-drawing"
            aria-hidden="true"
            style={{
              left: percent(dragged.x),
              top: percent(dragged.y),
              width: percent(dragged.width),
              height: percent(dragged.height),
            }}
          />
        ) : null}
      </div>
      {regions.length === 0 ? <p>{t('mod.noRegions')}</p> : null}
      {regions.map((r, i) => (
        <fieldset key={i} className="mask-region">
          <legend>{t('mod.region', { n: i + 1 })}</legend>
          {(['x', 'y', 'width', 'height'] as const).map((key) => (
            <TextField
              key={key}
              label={t(
                key === 'x'
                  ? 'mod.left'
                  : key === 'y'
                    ? 'mod.top'
                    : key === 'width'
                      ? 'mod.width'
                      : 'mod.height',
              )}
              type="number"
              inputMode="decimal"
              min={key === 'width' || key === 'height' ? 1 : 0}
              max={100}
              step={1}
              value={Math.round(r[key] * 1000) / 10}
              onChange={(e) => change(i, key, e.target.value)}
            />
          ))}
          <Button variant="secondary" onClick={() => setRegions(regions.filter((_, j) => j !== i))}>
            {t('mod.removeRegion', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <div className="actions">
        <Button
          variant="secondary"
          disabled={regions.length >= 20}
          onClick={() => setRegions([...regions, { x: 0.4, y: 0.4, width: 0.2, height: 0.2 }])}
        >
          {t('mod.addRegion')}
        </Button>
      </div>
      {reason.field}
      <div className="actions">
        <Button type="submit" busy={busy} disabled={regions.length === 0}>
          {t('mod.saveMask')}
        </Button>
        {a.redactions.length ? (
          <Button variant="danger" busy={busy} onClick={() => void save([])}>
            {t('mod.clearMask')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
