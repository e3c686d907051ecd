import { useEffect, useState } from 'react';
import { api } from '../../shared/api.js';
import { unitAt } from '../../shared/geo.js';
import { t } from '../../shared/i18n.js';
import { GeoMap, type GeoFeatureCollection } from '../../shared/ui/geo-map.js';

/**
 * "Chọn trên bản đồ": the province's districts drawn as SVG (no tile server: works on a closed network and
 * tells no one where the citizen looks); a tap puts the pin and names the district it falls in.
 * Loaded only when the citizen opens it (kept out of the app's first load).
 */
export default function PinMap({
  pin,
  onPick,
}: {
  pin: { lat: number; lon: number } | null;
  onPick: (place: { lat: number; lon: number; unit: { code: string; name: string } | null }) => void;
}) {
  const [boundaries, setBoundaries] = useState<GeoFeatureCollection | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api<GeoFeatureCollection>('GET', '/units/boundaries')
      .then(setBoundaries)
      .catch(() => setFailed(true));
  }, []);
  if (failed) return <p className="field-error">{t('report.mapFailed')}</p>;
  if (!boundaries) return <p role="status">{t('common.loading')}</p>;
  return (
    <div className="pin-map">
      <p id="pin-map-help" className="field-hint">
        {t('report.mapHelp')}
      </p>
      <GeoMap
        boundaries={boundaries}
        points={[]}
        title={t('report.mapTitle')}
        width={360}
        height={320}
        pin={pin}
        describedBy="pin-map-help"
        onPick={(lat, lon) => onPick({ lat, lon, unit: unitAt(boundaries, lat, lon) })}
      />
    </div>
  );
}
