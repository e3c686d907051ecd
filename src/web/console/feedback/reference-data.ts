import { useEffect, useState } from 'react';
import type { UrgencyClass } from '../../../contracts/feedback.js';
import type { AgencyView, UnitView } from '../../../contracts/identity.js';
import { api } from '../../shared/api.js';
import { getLang } from '../../shared/i18n.js';

export interface CategoryView {
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  urgency: UrgencyClass;
}

export interface ReferenceData {
  categories: CategoryView[];
  agencies: AgencyView[];
  /** Districts (the unit filter also matches their communes). */
  districts: UnitView[];
}

let cache: Promise<ReferenceData> | null = null;

/** Categories, agencies and districts: small lists loaded once per console session. */
export function loadReference(): Promise<ReferenceData> {
  cache ??= Promise.all([
    api<{ items: CategoryView[] }>('GET', '/categories'),
    api<{ items: AgencyView[] }>('GET', '/agencies'),
    api<{ items: UnitView[] }>('GET', '/units', { query: { level: 2 } }),
  ])
    .then(([c, a, u]) => ({ categories: c.items, agencies: a.items, districts: u.items }))
    .catch((error: unknown) => {
      cache = null;
      throw error;
    });
  return cache;
}

/** The reference lists, or null while they load (pages still work without them). */
export function useReference(): ReferenceData | null {
  const [data, setData] = useState<ReferenceData | null>(null);
  useEffect(() => {
    let live = true;
    loadReference()
      .then((d) => live && setData(d))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return data;
}

export function categoryName(ref: ReferenceData | null, code: string): string {
  const c = ref?.categories.find((x) => x.code === code);
  if (!c) return code;
  return getLang() === 'en' && c.nameEn ? c.nameEn : c.name;
}

export function agencyName(ref: ReferenceData | null, id: string | null): string | null {
  if (!id) return null;
  return ref?.agencies.find((a) => a.id === id)?.name ?? null;
}
