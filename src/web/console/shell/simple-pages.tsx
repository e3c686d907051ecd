import { t } from '../../shared/i18n.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';

/** An honest page for a module that is not built yet. */
export function UnderConstructionPage({ title }: { title: string }) {
  return (
    <section>
      <PageHeading>{title}</PageHeading>
      <p>{t('common.underConstruction')}</p>
      <p>
        <Link href="/console/">{t('common.backHome')}</Link>
      </p>
    </section>
  );
}

/** Unknown path, or a page this person may not open. */
export function NotFoundPage() {
  return (
    <section>
      <PageHeading>{t('common.notFoundTitle')}</PageHeading>
      <p>{t('common.notFoundText')}</p>
      <p>
        <Link href="/console/">{t('common.backHome')}</Link>
      </p>
    </section>
  );
}
