import type { Lang } from '../messages.js';

interface LanguageSwitchProps {
  lang: Lang;
  onChange: (lang: Lang) => void;
  label: string;
}

/** Toggles between Vietnamese and English; each option is named in its own language. */
export function LanguageSwitch({ lang, onChange, label }: LanguageSwitchProps) {
  const next: Lang = lang === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="btn btn-link lang-switch"
      onClick={() => onChange(next)}
      aria-label={label}
    >
      <span lang={next}>{next === 'en' ? 'English' : 'Tiếng Việt'}</span>
    </button>
  );
}
