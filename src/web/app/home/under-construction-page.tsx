import { t } from '../../shared/i18n.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';

/** An honest page for a feature that is not built yet. */
export function UnderConstructionPage({ title }: { title: string }) {
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{t('common.underConstruction')}</p>
      <p>
        <Link href="/app/">{t('common.backHome')}</Link>
      </p>
    </>
  );
}
