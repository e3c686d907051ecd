/** GeoReport v2 output: JSON arrays (the "Spark convention") or schemaless XML, chosen by the extension. */
export type Open311Format = 'json' | 'xml';

/** Splits `services.json` / `LA-7KQ2-M9XD.xml` into name and format; null for another extension. */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Open311Format } : null;
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

function xmlValue(name: string, value: unknown, indent: string): string {
  if (value === null || value === undefined) return `${indent}<${name}/>`;
  if (Array.isArray(value)) {
    const inner = value.map((v) => xmlValue(singular(name), v, `${indent}  `)).join('\n');
    return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => xmlValue(k, v, `${indent}  `))
      .join('\n');
    return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
}

const SINGULAR: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  keywords: 'keyword',
};
const singular = (name: string) => SINGULAR[name] ?? name.replace(/s$/, '');

/** `<root><item>…</item>…</root>` with the XML declaration, as the specification's examples. */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlValue(root, value, '')}\n`;
}

export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** An Open311 error: the HTTP status and what the client may show to its user. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}
