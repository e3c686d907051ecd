import type { SessionUser } from '../../../contracts/identity.js';
import { t, type MessageKey } from '../../shared/i18n.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';

export const TILES: { path: string; label: MessageKey; hint: MessageKey; icon: string }[] = [
  { path: '/app/gui-phan-anh', label: 'app.tile.report', hint: 'app.tile.reportHint', icon: '✍' },
  { path: '/app/phan-anh-cua-toi', label: 'app.tile.myReports', hint: 'app.tile.myReportsHint', icon: '☰' },
  { path: '/app/canh-bao', label: 'app.tile.alerts', hint: 'app.tile.alertsHint', icon: '⚠' },
  { path: '/app/tin-tuc', label: 'app.tile.news', hint: 'app.tile.newsHint', icon: '✉' },
  { path: '/app/dich-vu-so', label: 'app.tile.services', hint: 'app.tile.servicesHint', icon: '⚙' },
];

/** Home: a greeting and the big tiles for what citizens do most. */
export function HomePage({ user, appName }: { user: SessionUser | null; appName: string }) {
  return (
    <>
      <PageHeading>
        {user ? t('app.hello', { name: user.fullName }) : t('app.welcome', { app: appName })}
      </PageHeading>
      {user ? null : (
        <p>
          {t('app.signInPrompt')} <Link href="/app/dang-nhap">{t('app.signIn')}</Link>
        </p>
      )}
      <ul className="app-tiles">
        {TILES.map((tile) => (
          <li key={tile.path}>
            <Link href={tile.path} className="app-tile">
              <span className="app-tile-icon" aria-hidden="true">
                {tile.icon}
              </span>
              <span className="app-tile-label">{t(tile.label)}</span>
              <span className="app-tile-hint">{t(tile.hint)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
