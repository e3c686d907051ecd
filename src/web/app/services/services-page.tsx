import { useEffect, useState } from 'react';
import type { PublicContentSummary } from '../../../contracts/content.js';
import { ONLINE_LEVEL_LABELS } from '../../../contracts/content-labels.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { Markdown } from '../../shared/markdown.js';
import { problemText } from '../../shared/problem-text.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import '../news/news.css';

interface Sector {
  code: string;
  label: { vi: string; en: string };
  items: PublicContentSummary[];
}

/** The directory of digital services by sector, with how to use each and a link to open it. */
export function ServicesPage() {
  const lang = getLang();
  const [sectors, setSectors] = useState<Sector[] | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  useEffect(() => {
    api<{ sectors: Sector[] }>('GET', '/content/services')
      .then((res) => setSectors(res.sectors))
      .catch((err: unknown) => setProblem(problemText(err)));
  }, []);

  return (
    <>
      <PageHeading>{t('content.app.servicesTitle')}</PageHeading>
      <ProblemAlert problem={problem} />
      {sectors === null && !problem ? <p role="status">{t('common.loading')}</p> : null}
      {sectors?.map((s) => (
        <section key={s.code} aria-labelledby={`sector-${s.code}`}>
          <h2 id={`sector-${s.code}`}>{s.label[lang]}</h2>
          <ul className="service-list">
            {s.items.map((i) => (
              <li key={i.id} className="service-item">
                <details>
                  <summary>
                    <strong>{i.title}</strong>
                    {i.fields.service ? (
                      <span className="news-meta">
                        {' '}
                        — {ONLINE_LEVEL_LABELS[i.fields.service.onlineLevel][lang]}
                      </span>
                    ) : null}
                  </summary>
                  {i.summary ? <p>{i.summary}</p> : null}
                  {i.fields.service?.howTo ? <Markdown source={i.fields.service.howTo} /> : null}
                  {i.fields.service ? (
                    <p>
                      <a href={i.fields.service.url} target="_blank" rel="noopener noreferrer">
                        {t('content.app.open')}
                      </a>
                    </p>
                  ) : null}
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
