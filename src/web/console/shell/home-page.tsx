import { ROLE_LABELS } from '../../../contracts/roles.js';
import { getLang, t } from '../../shared/i18n.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import type { NavEntry } from '../routes.js';
import { useSession } from '../session.js';

/** The console's start page: who you are and where you can go. */
export function HomePage({ entries }: { entries: NavEntry[] }) {
  const { user } = useSession();
  const lang = getLang();
  return (
    <section>
      <PageHeading>{t('home.title', { name: user.fullName })}</PageHeading>
      <h2>{t('home.yourRoles')}</h2>
      <ul>
        {user.roles.map((r, i) => (
          <li key={`${r.role}-${i}`}>
            {ROLE_LABELS[r.role][lang]}
            {r.agencyName ? ` — ${r.agencyName}` : ''}
            {r.unitName ? ` — ${r.unitName}` : ''}
          </li>
        ))}
      </ul>
      <h2>{t('home.yourWork')}</h2>
      {entries.length === 0 ? <p>{t('home.nothing')}</p> : null}
      <ul className="tile-list">
        {entries
          .flatMap((e) => (e.children?.length ? e.children : [e]))
          .map((e) => (
            <li key={e.path}>
              <Link href={e.path} className="tile">
                {t(e.label)}
                {!e.built ? <span className="muted"> — {t('common.comingSoon')}</span> : null}
              </Link>
            </li>
          ))}
      </ul>
    </section>
  );
}
