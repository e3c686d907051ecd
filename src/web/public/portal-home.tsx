import { localNames, type BrandView, type ProvinceView } from '../shared/profile.js';
import { pt } from './public-messages.js';

export interface PortalHomeProps {
  lang: 'vi' | 'en';
  brand: BrandView;
  province: ProvinceView;
}

/** The 1022 portal home: what the hotline is, its four channels, and the report lookup form. */
export function PortalHome({ lang, brand, province }: PortalHomeProps) {
  const p = localNames(brand, province, lang);
  const tel = brand.hotline.replace(/[^\d+]/g, '');
  return (
    <>
      <section className="hero">
        <h1>{pt(lang, 'heroTitle', p)}</h1>
        <p className="lead">{pt(lang, 'heroLead', p)}</p>
        <p>{pt(lang, 'heroHow', p)}</p>
        <p className="hero-actions">
          <a className="button" href="/app/gui-phan-anh">
            {pt(lang, 'sendReport', p)}
          </a>
          <a className="button button-secondary" href={lang === 'en' ? '/phan-anh?lang=en' : '/phan-anh'}>
            {pt(lang, 'navAnswers')}
          </a>
        </p>
      </section>
      <section aria-labelledby="channels">
        <h2 id="channels">{pt(lang, 'channelsTitle')}</h2>
        <ul className="channels">
          <li>
            <h3>{pt(lang, 'channelPortal')}</h3>
            <p>{pt(lang, 'channelPortalText', p)}</p>
          </li>
          <li>
            <h3>{pt(lang, 'channelPhone')}</h3>
            <p>
              <a className="big" href={`tel:${tel}`}>
                {brand.hotline}
              </a>
            </p>
            <p>{pt(lang, 'channelPhoneText', p)}</p>
          </li>
          <li>
            <h3>{pt(lang, 'channelApp', p)}</h3>
            <p>{pt(lang, 'channelAppText', p)}</p>
            <p>
              <a href="/app/">{pt(lang, 'sendReport', p)}</a>
              {' · '}
              <a href={lang === 'en' ? '/cai-dat?lang=en' : '/cai-dat'}>{pt(lang, 'navInstall')}</a>
            </p>
          </li>
          <li>
            <h3>{pt(lang, 'channelEmail')}</h3>
            <p>
              <a href={`mailto:${brand.mailbox}`}>{brand.mailbox}</a>
            </p>
            <p>{pt(lang, 'channelEmailText', p)}</p>
          </li>
        </ul>
      </section>
      <section aria-labelledby="lookup" className="lookup">
        <h2 id="lookup">{pt(lang, 'lookupTitle')}</h2>
        <p>{pt(lang, 'lookupText')}</p>
        <form method="post" action={lang === 'en' ? '/tra-cuu?lang=en' : '/tra-cuu'}>
          <div className="field">
            <label htmlFor="lookup-code">{pt(lang, 'lookupCode')}</label>
            <input id="lookup-code" name="code" required autoComplete="off" autoCapitalize="characters" />
          </div>
          <div className="field">
            <label htmlFor="lookup-contact">{pt(lang, 'lookupContact')}</label>
            <input id="lookup-contact" name="contact" required autoComplete="on" />
          </div>
          <button type="submit">{pt(lang, 'lookupSubmit')}</button>
        </form>
      </section>
    </>
  );
}
