import { useEffect, useId, useState } from 'react';
import type { SuggestionsView } from '../../../contracts/triage.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';

/** Below this many characters of title + text, nothing is asked (too little to classify). */
export const SUGGEST_MIN_CHARS = 12;
/** Wait this long after the last keystroke before asking. */
export const SUGGEST_DEBOUNCE_MS = 600;

interface Props {
  title: string;
  body: string;
  /** The commune or district chosen so far (for the agency; not needed for the category). */
  unitCode: string;
  /** The category selected now. */
  categoryCode: string;
  /** The citizen chose the category in the list themselves: no suggestion is offered over it. */
  chosenByHand: boolean;
  onChoose(code: string): void;
}

type Item = SuggestionsView['items'][number];

/**
 * "Có phải bạn muốn báo về: …?": up to three categories suggested by the server's classifier from what
 * the citizen is typing, as buttons that set the category with one tap. Never sets the category by
 * itself; offline or on any error it quietly shows nothing. The region is polite-live, so a screen
 * reader hears the suggestions when they appear.
 */
export function CategorySuggestions(props: Props) {
  const { title, body, unitCode, categoryCode, chosenByHand, onChoose } = props;
  const [items, setItems] = useState<Item[]>([]);
  const headingId = useId();
  const text = `${title.trim()} ${body.trim()}`.trim();
  const enough = text.length >= SUGGEST_MIN_CHARS && !chosenByHand;

  useEffect(() => {
    if (!enough) {
      setItems([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
      api<SuggestionsView>('POST', '/triage/suggest', {
        body: { title: title.trim(), body: body.trim(), ...(unitCode ? { unitCode } : {}) },
      })
        .then((r) => {
          if (live) setItems(r.items.slice(0, 3));
        })
        .catch(() => undefined); // offline, rate-limited, server busy: no suggestion, no error
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [enough, title, body, unitCode]);

  const en = getLang() === 'en';
  const shown = enough ? items : [];
  return (
    <div className="category-suggestions" aria-live="polite">
      {shown.length > 0 ? (
        <div role="group" aria-labelledby={headingId}>
          <p id={headingId} className="field-hint">
            {t('triage.citizen.question')}
          </p>
          <div className="actions">
            {shown.map((s) => (
              <button
                key={s.code}
                type="button"
                className={`btn ${s.code === categoryCode ? 'btn-primary' : 'btn-secondary'}`}
                aria-pressed={s.code === categoryCode}
                onClick={() => onChoose(s.code)}
              >
                {en && s.nameEn ? s.nameEn : s.name}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
