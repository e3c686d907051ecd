import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The GeoReport v2 rules (and mySociety's servicerequestupdates extension) as our own checks: zod
 * schemas for the JSON bodies and XML Schemas that libxml2's xmllint validates the XML bodies against.
 * Written from the specification's field tables: types, which fields must be there, W3C date-times
 * with a zone, service codes as strings, error arrays.
 */

/** W3C date-time with a zone (the specification's ISO 8601 subset). */
const w3cDate = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

export const jsonSchemas = {
  errors: z
    .array(z.strictObject({ code: z.number().int().min(400).max(599), description: z.string().min(1) }))
    .min(1),
  discovery: z.strictObject({
    changeset: w3cDate,
    contact: z.string().min(1),
    key_service: z.string().min(1),
    endpoints: z
      .array(
        z.strictObject({
          specification: z.url(),
          url: z.url(),
          changeset: w3cDate,
          type: z.enum(['production', 'test']),
          formats: z.array(z.enum(['application/json', 'text/xml'])).min(1),
        }),
      )
      .min(1),
  }),
  services: z
    .array(
      z.strictObject({
        service_code: z.string().min(1),
        service_name: z.string().min(1),
        description: z.string(),
        metadata: z.boolean(),
        type: z.enum(['realtime', 'batch', 'blackbox']),
        keywords: z.string(),
        group: z.string(),
      }),
    )
    .min(1),
  service_definition: z.strictObject({
    service_code: z.string().min(1),
    attributes: z.array(
      z.strictObject({
        variable: z.boolean(),
        code: z.string().min(1),
        datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
        required: z.boolean(),
        datatype_description: nullable(z.string()),
        order: z.number().int().positive(),
        description: z.string().min(1),
        values: z.array(z.strictObject({ key: z.string().min(1), name: z.string().min(1) })).optional(),
      }),
    ),
  }),
  /** POST requests: the id (we create at once) and a token. */
  created: z
    .array(
      z.strictObject({
        service_request_id: z.string().min(1),
        token: z.string().min(1),
        service_notice: nullable(z.string()),
        account_id: z.null(),
      }),
    )
    .length(1),
  tokens: z
    .array(z.strictObject({ service_request_id: z.string().min(1), token: z.string().min(1) }))
    .length(1),
  requests: z.array(
    z.strictObject({
      service_request_id: z.string().min(1),
      status: z.enum(['open', 'closed']),
      status_notes: nullable(z.string()),
      service_name: z.string().min(1),
      service_code: z.string().min(1),
      description: nullable(z.string()),
      agency_responsible: nullable(z.string()),
      service_notice: nullable(z.string()),
      requested_datetime: w3cDate,
      updated_datetime: w3cDate,
      expected_datetime: nullable(w3cDate),
      address: nullable(z.string()),
      address_id: z.null(),
      zipcode: z.null(),
      lat: nullable(z.number().min(-90).max(90)),
      long: nullable(z.number().min(-180).max(180)),
      media_url: nullable(z.url()),
    }),
  ),
  updates: z.array(
    z.strictObject({
      update_id: z.string().min(1),
      service_request_id: z.string().min(1),
      status: z.enum([
        'open',
        'closed',
        'fixed',
        'in_progress',
        'action_scheduled',
        'investigating',
        'duplicate',
        'not_councils_responsibility',
        'no_further_action',
        'internal_referral',
      ]),
      updated_datetime: w3cDate,
      description: z.string(),
      media_url: z.literal(''),
    }),
  ),
  update_created: z.array(z.strictObject({ update_id: z.string().min(1) })).length(1),
} as const;

export type ContractKind = keyof typeof jsonSchemas;

// --- XML Schemas -----------------------------------------------------------------------------------

type FieldType = 'string' | 'nonEmpty' | 'dateTime' | 'decimal' | 'boolean' | 'integer' | 'empty';
/** [name, type, required, nillable (rendered as an empty element)] */
type Field = [string, FieldType, boolean, boolean?];

const XSD_TYPES: Record<FieldType, string> = {
  string: 'xs:string',
  nonEmpty: 'nonEmpty',
  dateTime: 'w3cDateTime',
  decimal: 'xs:decimal',
  boolean: 'xs:boolean',
  integer: 'xs:integer',
  empty: 'emptyString',
};

const COMMON_TYPES = `
  <xs:simpleType name="emptyString"><xs:restriction base="xs:string"><xs:length value="0"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="nonEmpty"><xs:restriction base="xs:string"><xs:minLength value="1"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="w3cDateTime">
    <xs:restriction base="xs:string">
      <xs:pattern value="\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+\\-]\\d\\d:\\d\\d)"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="optDateTime"><xs:union memberTypes="w3cDateTime emptyString"/></xs:simpleType>
  <xs:simpleType name="optDecimal"><xs:union memberTypes="xs:decimal emptyString"/></xs:simpleType>
  <xs:simpleType name="optInteger"><xs:union memberTypes="xs:integer emptyString"/></xs:simpleType>`;

function element([name, type, required, nillable]: Field): string {
  const base = XSD_TYPES[type];
  const t =
    nillable && type === 'dateTime'
      ? 'optDateTime'
      : nillable && type === 'decimal'
        ? 'optDecimal'
        : nillable && type === 'integer'
          ? 'optInteger'
          : base;
  return `<xs:element name="${name}" type="${t}" minOccurs="${required ? 1 : 0}"/>`;
}

/** `<root><item>fields (any order)</item>*</root>` */
function listSchema(root: string, item: string, fields: Field[], minItems = 0): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${COMMON_TYPES}
  <xs:element name="${root}">
    <xs:complexType><xs:sequence>
      <xs:element name="${item}" minOccurs="${minItems}" maxOccurs="unbounded">
        <xs:complexType><xs:all>${fields.map(element).join('')}</xs:all></xs:complexType>
      </xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>`;
}

const XSD: Record<ContractKind, string> = {
  errors: listSchema(
    'errors',
    'error',
    [
      ['code', 'integer', true],
      ['description', 'nonEmpty', true],
    ],
    1,
  ),
  discovery: `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${COMMON_TYPES}
  <xs:element name="discovery"><xs:complexType><xs:all>
    <xs:element name="changeset" type="w3cDateTime"/>
    <xs:element name="contact" type="nonEmpty"/>
    <xs:element name="key_service" type="nonEmpty"/>
    <xs:element name="endpoints"><xs:complexType><xs:sequence>
      <xs:element name="endpoint" maxOccurs="unbounded"><xs:complexType><xs:all>
        <xs:element name="specification" type="xs:anyURI"/>
        <xs:element name="url" type="xs:anyURI"/>
        <xs:element name="changeset" type="w3cDateTime"/>
        <xs:element name="type"><xs:simpleType><xs:restriction base="xs:string">
          <xs:enumeration value="production"/><xs:enumeration value="test"/>
        </xs:restriction></xs:simpleType></xs:element>
        <xs:element name="formats"><xs:complexType><xs:sequence>
          <xs:element name="format" maxOccurs="unbounded"><xs:simpleType><xs:restriction base="xs:string">
            <xs:enumeration value="application/json"/><xs:enumeration value="text/xml"/>
          </xs:restriction></xs:simpleType></xs:element>
        </xs:sequence></xs:complexType></xs:element>
      </xs:all></xs:complexType></xs:element>
    </xs:sequence></xs:complexType></xs:element>
  </xs:all></xs:complexType></xs:element>
</xs:schema>`,
  services: listSchema(
    'services',
    'service',
    [
      ['service_code', 'nonEmpty', true],
      ['service_name', 'nonEmpty', true],
      ['description', 'string', true],
      ['metadata', 'boolean', true],
      ['type', 'nonEmpty', true],
      ['keywords', 'string', false],
      ['group', 'string', false],
    ],
    1,
  ),
  service_definition: `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${COMMON_TYPES}
  <xs:element name="service_definition"><xs:complexType><xs:all>
    <xs:element name="service_code" type="nonEmpty"/>
    <xs:element name="attributes"><xs:complexType><xs:sequence>
      <xs:element name="attribute" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:all>
        <xs:element name="variable" type="xs:boolean"/>
        <xs:element name="code" type="nonEmpty"/>
        <xs:element name="datatype"><xs:simpleType><xs:restriction base="xs:string">
          <xs:enumeration value="string"/><xs:enumeration value="number"/><xs:enumeration value="datetime"/>
          <xs:enumeration value="text"/><xs:enumeration value="singlevaluelist"/><xs:enumeration value="multivaluelist"/>
        </xs:restriction></xs:simpleType></xs:element>
        <xs:element name="required" type="xs:boolean"/>
        <xs:element name="datatype_description" type="xs:string"/>
        <xs:element name="order" type="xs:positiveInteger"/>
        <xs:element name="description" type="nonEmpty"/>
        <xs:element name="values" minOccurs="0"><xs:complexType><xs:sequence>
          <xs:element name="value" maxOccurs="unbounded"><xs:complexType><xs:all>
            <xs:element name="key" type="nonEmpty"/><xs:element name="name" type="nonEmpty"/>
          </xs:all></xs:complexType></xs:element>
        </xs:sequence></xs:complexType></xs:element>
      </xs:all></xs:complexType></xs:element>
    </xs:sequence></xs:complexType></xs:element>
  </xs:all></xs:complexType></xs:element>
</xs:schema>`,
  created: listSchema(
    'service_requests',
    'request',
    [
      ['service_request_id', 'nonEmpty', true],
      ['token', 'nonEmpty', true],
      ['service_notice', 'string', false],
      ['account_id', 'empty', false],
    ],
    1,
  ),
  tokens: listSchema(
    'service_requests',
    'request',
    [
      ['service_request_id', 'nonEmpty', true],
      ['token', 'nonEmpty', true],
    ],
    1,
  ),
  requests: listSchema('service_requests', 'request', [
    ['service_request_id', 'nonEmpty', true],
    ['status', 'nonEmpty', true],
    ['status_notes', 'string', false],
    ['service_name', 'nonEmpty', true],
    ['service_code', 'nonEmpty', true],
    ['description', 'string', false],
    ['agency_responsible', 'string', false],
    ['service_notice', 'string', false],
    ['requested_datetime', 'dateTime', true],
    ['updated_datetime', 'dateTime', true],
    ['expected_datetime', 'dateTime', false, true],
    ['address', 'string', false],
    ['address_id', 'string', false],
    ['zipcode', 'string', false],
    ['lat', 'decimal', false, true],
    ['long', 'decimal', false, true],
    ['media_url', 'string', false],
  ]),
  updates: listSchema('service_request_updates', 'request_update', [
    ['update_id', 'nonEmpty', true],
    ['service_request_id', 'nonEmpty', true],
    ['status', 'nonEmpty', true],
    ['updated_datetime', 'dateTime', true],
    ['description', 'string', true],
    ['media_url', 'string', true],
  ]),
  update_created: listSchema(
    'service_request_updates',
    'request_update',
    [['update_id', 'nonEmpty', true]],
    1,
  ),
};

let schemaDir: string | null = null;
function schemaFile(kind: ContractKind): string {
  schemaDir ??= mkdtempSync(path.join(tmpdir(), 'georeport-xsd-'));
  const file = path.join(schemaDir, `${kind}.xsd`);
  writeFileSync(file, XSD[kind]);
  return file;
}

/** Validates an XML body against the kind's XML Schema with xmllint; throws with xmllint's message. */
export function checkXml(kind: ContractKind, xml: string): void {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'))
    throw new Error('XML must start with the declaration and encoding="UTF-8"');
  try {
    execFileSync('xmllint', ['--noout', '--schema', schemaFile(kind), '-'], { input: xml, stdio: 'pipe' });
  } catch (err) {
    const e = err as { stderr?: Buffer };
    throw new Error(`${kind}: ${e.stderr?.toString() ?? String(err)}\n${xml.slice(0, 2000)}`, { cause: err });
  }
}

/** Text of one element in an XML body, in order (xmllint XPath; for ids and codes: entities stay escaped). */
export function xmlValues(xml: string, element: string): string[] {
  const out = execFileSync('xmllint', ['--xpath', `//${element}/text()`, '-'], {
    input: xml,
    stdio: ['pipe', 'pipe', 'ignore'],
  }).toString();
  return out ? out.split('\n').filter((s) => s.length > 0) : [];
}

export interface ContractResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/**
 * Checks one Open311 response: the status code, the content type of its format (UTF-8), no caching,
 * and the body against the kind's rules. Returns the parsed JSON (or null for XML).
 */
export function checkResponse(
  res: ContractResponse,
  format: 'json' | 'xml',
  kind: ContractKind,
  status: number,
): unknown {
  if (res.statusCode !== status)
    throw new Error(`expected HTTP ${status}, got ${res.statusCode}: ${res.body.slice(0, 500)}`);
  const type = String(res.headers['content-type']);
  const expected = format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8';
  if (type !== expected) throw new Error(`content-type ${type}, expected ${expected}`);
  if (format === 'xml') {
    checkXml(kind, res.body);
    return null;
  }
  const parsed = jsonSchemas[kind].safeParse(JSON.parse(res.body));
  if (!parsed.success)
    throw new Error(`${kind}: ${z.prettifyError(parsed.error)}\n${res.body.slice(0, 1000)}`);
  return parsed.data;
}
