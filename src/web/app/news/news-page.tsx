import { useEffect, useState } from 'react';
import type {
  PublicContentItem,
  PublicContentPage,
  PublicContentSummary,
} from '../../../contracts/content.js';
import { CONTENT_CATEGORIES } from '../../../contracts/content-labels.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { Markdown } from '../../shared/markdown.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import './news.css';

const PAGE_SIZE = 10;

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(getLang() === 'vi' ? 'vi-VN' : 'en-GB');
}

/** News in the app: the same published articles as the portal, by category, and one article. */
export function NewsPage({ slug }: { slug: string | null }) {
  return slug ? <ArticleView slug={slug} /> : <NewsList />;
}

function NewsList() {
  const lang = getLang();
  const [category, setCategory] = useState('');
  const [items, setItems] = useState<PublicContentSummary[]>([]);
  const [page, setPage] = useState(1);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api<PublicContentPage>('GET', '/content/public', {
      query: { type: 'article', category, page, limit: PAGE_SIZE },
    })
      .then((res) => {
        if (!live) return;
        setItems((prev) => (page === 1 ? res.items : [...prev, ...res.items]));
        setMore(res.more);
        setProblem(null);
      })
      .catch((err: unknown) => live && setProblem(problemText(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [category, page]);

  return (
    <>
      <PageHeading>{t('content.app.newsTitle')}</PageHeading>
      <ul className="chip-row" aria-label={t('content.categories')}>
        {[
          ['', t('content.app.allCategories')] as const,
          ...Object.entries(CONTENT_CATEGORIES.article).map(([c, l]) => [c, l[lang]] as const),
        ].map(([code, label]) => (
          <li key={code || 'all'}>
            <Button
              type="button"
              variant={category === code ? 'primary' : 'secondary'}
              aria-pressed={category === code}
              onClick={() => {
                setCategory(code);
                setPage(1);
              }}
            >
              {label}
            </Button>
          </li>
        ))}
      </ul>
      <ProblemAlert problem={problem} />
      {!loading && items.length === 0 && !problem ? <p>{t('content.app.empty')}</p> : null}
      <ul className="news-list">
        {items.map((i) => (
          <li key={i.id} className="news-item">
            {i.cover?.thumbnailUrl ? <img src={i.cover.thumbnailUrl} alt="" width={96} height={64} /> : null}
            <div>
              <h2 className="news-title">
                <Link href={`/app/tin-tuc/${i.slug}`}>{i.title}</Link>
              </h2>
              <p className="news-meta">
                {i.categoryLabel[lang]} · {formatDate(i.publishedAt)}
              </p>
              {i.summary ? <p>{i.summary}</p> : null}
            </div>
          </li>
        ))}
      </ul>
      {loading ? <p role="status">{t('common.loading')}</p> : null}
      {!loading && more ? (
        <Button type="button" variant="secondary" onClick={() => setPage((p) => p + 1)}>
          {t('content.app.more')}
        </Button>
      ) : null}
    </>
  );
}

function ArticleView({ slug }: { slug: string }) {
  const lang = getLang();
  const [item, setItem] = useState<PublicContentItem | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  useEffect(() => {
    api<PublicContentItem>('GET', `/content/public/article/${encodeURIComponent(slug)}`)
      .then((res) => {
        setItem(res);
        document.title = res.title;
      })
      .catch((err: unknown) => setProblem(problemText(err)));
  }, [slug]);

  return (
    <>
      <p>
        <Link href="/app/tin-tuc">{t('content.app.back')}</Link>
      </p>
      <ProblemAlert problem={problem} />
      {item ? (
        <article className="news-article">
          <PageHeading>{item.title}</PageHeading>
          <p className="news-meta">
            {item.categoryLabel[lang]} · {formatDate(item.publishedAt)}
          </p>
          {item.summary ? <p className="news-lead">{item.summary}</p> : null}
          {item.cover ? <img className="news-cover" src={item.cover.url} alt="" /> : null}
          <Markdown source={item.body} />
          {item.media.some((m) => m.kind !== 'photo') ? (
            <>
              <h2>{t('content.app.files')}</h2>
              <ul>
                {item.media
                  .filter((m) => m.kind !== 'photo')
                  .map((m) => (
                    <li key={m.id}>
                      <a href={m.url}>{m.fileName}</a>
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
        </article>
      ) : problem ? null : (
        <p role="status">{t('common.loading')}</p>
      )}
    </>
  );
}
