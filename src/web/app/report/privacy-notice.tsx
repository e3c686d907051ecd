import { APP_PRIVACY_NOTICE_VERSION } from './privacy-version.js';
import { t } from '../../shared/i18n.js';

/** The privacy notice shown at intake (Law 91/2025/QH15, Decree 356/2025/NĐ-CP), in plain words. */
export function PrivacyNotice({ province }: { province: string }) {
  return (
    <section className="privacy-notice" id="privacy-notice" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('privacy.title')}</h2>
      <ul>
        <li>{t('privacy.who', { province })}</li>
        <li>{t('privacy.why')}</li>
        <li>{t('privacy.public')}</li>
        <li>{t('privacy.rights')}</li>
      </ul>
      <p className="muted">{t('privacy.version', { version: APP_PRIVACY_NOTICE_VERSION })}</p>
    </section>
  );
}
