import { createHash, randomBytes } from 'node:crypto';
import { CHANNEL_LABELS } from '../../../contracts/feedback.js';
import {
  OPEN_STATUSES,
  REJECT_REASON_LABELS,
  STATUS_LABELS,
  type RejectReason,
  type ReportStatus,
} from '../../../contracts/report-lifecycle.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import type { CategoryQuestion } from '../../../platform/profile/profile.js';
import { AppError } from '../../../platform/http/problem.js';
import { agencyNames, authorize, type Principal } from '../../identity/index.js';
import { listCategories } from '../../routing/index.js';
import { submitReport } from '../../feedback/use-cases/submit-report.js';
import { normalizeTrackingCode } from '../../feedback/tracking-code.js';
import { findReport, findReportByCode } from '../../feedback/feedback.repository.js';
import { recordReportEvent } from '../../feedback/record-report-event.js';
import { reporterLanguage } from '../../feedback/reporter-language.js';
import { maskContacts, publicPoint } from '../../feedback/public-text.js';
import type { ChannelsDeps } from '../channels-deps.js';
import * as repo from '../channels.repository.js';
import { Open311Error } from './open311-format.js';
import * as repo311 from './open311.repository.js';
import { findRequests, type RequestRow } from './open311.repository.js';

export const DESCRIPTION_MAX = 4000;
const DAY = 86400_000;

const stripTags = (s: string) =>
  s
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+\n/g, '\n')
    .trim();

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The extra questions a category asks (the profile's `questions`), as GeoReport attributes. */
function questionsOf(deps: ChannelsDeps, code: string): CategoryQuestion[] {
  return deps.profile.categories.find((c) => c.code === code)?.questions ?? [];
}

/**
 * GET services: every active category is a service (realtime: the request id is given at once);
 * `metadata` is true for categories that ask extra questions (their definition lists attributes).
 */
export async function listServices(deps: ChannelsDeps) {
  const rows = await listCategories(deps.database.db);
  return rows.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.description,
    metadata: questionsOf(deps, c.code).length > 0,
    type: 'realtime',
    keywords: c.nameEn,
    group: c.urgency === 'urgent' ? 'khan-cap' : 'phan-anh',
  }));
}

/** GET services/:code: the category's extra questions as attributes (none: an empty list). */
export async function serviceDefinition(deps: ChannelsDeps, code: string) {
  const service = (await listServices(deps)).find((s) => s.service_code === code);
  if (!service) throw new Open311Error(404, `Không có dịch vụ "${code}" / Unknown service_code "${code}".`);
  return {
    service_code: service.service_code,
    attributes: questionsOf(deps, code).map((q, i) => ({
      variable: true,
      code: q.code,
      datatype: q.datatype,
      required: q.required,
      datatype_description: q.hint ?? null,
      order: i + 1,
      description: `${q.label} / ${q.labelEn}`,
      ...(q.values ? { values: q.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
    })),
  };
}

/**
 * Checks the `attribute[code]` answers of a POST against the category's questions (required, list
 * keys, numbers, dates); unknown codes are refused. Returns the answers as lines for the report text.
 */
export function checkAttributes(deps: ChannelsDeps, code: string, input: Record<string, string>): string[] {
  const questions = questionsOf(deps, code);
  const given = new Map<string, string>();
  for (const [k, v] of Object.entries(input)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
    if (m) given.set(m[1]!, v.trim());
  }
  for (const k of given.keys())
    if (!questions.some((q) => q.code === k))
      throw new Open311Error(
        400,
        `Dịch vụ "${code}" không có thuộc tính "${k}" / attribute[${k}] is not defined for this service.`,
      );
  const lines: string[] = [];
  for (const q of questions) {
    const value = given.get(q.code) ?? '';
    if (!value) {
      if (q.required)
        throw new Open311Error(
          400,
          `Thiếu attribute[${q.code}] (${q.label}) / attribute[${q.code}] is required.`,
        );
      continue;
    }
    let shown = value.slice(0, 300);
    if (q.datatype === 'number' && !Number.isFinite(Number(value)))
      throw new Open311Error(400, `attribute[${q.code}] phải là số / attribute[${q.code}] must be a number.`);
    if (q.datatype === 'datetime' && Number.isNaN(new Date(value).getTime()))
      throw new Open311Error(
        400,
        `attribute[${q.code}] phải là ngày giờ ISO 8601 / attribute[${q.code}] must be an ISO 8601 date-time.`,
      );
    if (q.values) {
      const keys = q.datatype === 'multivaluelist' ? value.split(',').map((x) => x.trim()) : [value];
      const names = keys.map((k) => q.values!.find((v) => v.key === k)?.name);
      if (names.some((n) => !n))
        throw new Open311Error(
          400,
          `attribute[${q.code}] phải là một trong / must be one of: ${q.values.map((v) => v.key).join(', ')}.`,
        );
      shown = names.join(', ');
    }
    lines.push(`${q.label}: ${stripTags(shown)}`);
  }
  return lines;
}

/** The client app a key belongs to; 403 as the specification says for a missing or wrong key. */
export async function clientForKey(deps: ChannelsDeps, key: string | undefined) {
  if (!key) throw new Open311Error(403, 'Thiếu api_key / api_key missing -- cannot create a request.');
  const client = await repo.open311ClientByHash(deps.database.db, hashKey(key));
  if (!client)
    throw new Open311Error(
      403,
      'api_key không hợp lệ / Invalid api_key received -- cannot create a request.',
    );
  return client;
}

export interface Open311PostInput extends Record<string, string | undefined> {
  api_key?: string;
  service_code?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  email?: string;
  phone?: string;
  first_name?: string;
  last_name?: string;
  description?: string;
  media_url?: string;
}

/**
 * POST requests: a third-party app creates an ordinary report (channel open311) for its user. Location is
 * a point (lat/long, inside the province) or an address; a phone or email is required so that the
 * reporter can be answered; HTML is stripped from the description. `media_url` is NOT fetched (our
 * server would download whatever a client names, and the file would skip the upload checks): it is kept
 * as a link in the report's text for staff. The reporter is answered in the language of the app's
 * `Accept-Language`, else of the description (`reporterLanguage`).
 */
export async function createRequest(
  deps: ChannelsDeps,
  input: Open311PostInput,
  acceptLanguage?: string | readonly string[],
) {
  const client = await clientForKey(deps, input.api_key);
  const code = input.service_code?.trim();
  if (!code) throw new Open311Error(400, 'Thiếu service_code / service_code missing.');
  const service = (await listServices(deps)).find((s) => s.service_code === code);
  if (!service) throw new Open311Error(404, `Không có dịch vụ "${code}" / Unknown service_code "${code}".`);
  const lat = input.lat ? Number(input.lat) : undefined;
  const lon = input.long ? Number(input.long) : undefined;
  const hasPoint = lat !== undefined && lon !== undefined;
  if (
    (lat !== undefined) !== (lon !== undefined) ||
    (hasPoint && (!Number.isFinite(lat) || !Number.isFinite(lon)))
  )
    throw new Open311Error(
      400,
      'lat và long phải đi cùng nhau và là số / lat and long must both be numbers.',
    );
  const address = input.address_string?.trim();
  if (!hasPoint && !address)
    throw new Open311Error(
      400,
      'Cần vị trí: lat+long hoặc address_string / A location is required: lat+long or address_string.',
    );
  const raw = input.description ?? '';
  if (raw.length > DESCRIPTION_MAX)
    throw new Open311Error(
      400,
      `description tối đa ${DESCRIPTION_MAX} ký tự / description is limited to ${DESCRIPTION_MAX} characters.`,
    );
  const description = stripTags(raw);
  const answers = checkAttributes(deps, code, input as Record<string, string>);
  const email = input.email?.trim().toLowerCase() || undefined;
  const phone = input.phone?.trim() || undefined;
  if (!email && !phone)
    throw new Open311Error(
      400,
      'Cần email hoặc phone để trả lời người phản ánh / email or phone is required to answer the reporter.',
    );
  const name = [input.last_name, input.first_name]
    .filter((s) => s?.trim())
    .join(' ')
    .trim()
    .slice(0, 120);
  let body = description || `${service.service_name}${address ? ` — ${address}` : ''}`;
  if (answers.length) body += `\n\n— Thông tin thêm / Details —\n${answers.join('\n')}`;
  if (input.media_url && /^https?:\/\//.test(input.media_url))
    body += `\n\n[Ảnh/tệp ở liên kết ngoài, chưa kiểm tra / External media, not fetched: ${input.media_url.slice(0, 500)}]`;
  if (body.length < 10) body = `${body} (${CHANNEL_LABELS.open311.vi})`;
  const titleSource = description.split('\n')[0]!.trim();
  const title = (
    titleSource.length >= 5 ? titleSource : `${service.service_name}${address ? `: ${address}` : ''}`
  ).slice(0, 200);
  try {
    const result = await submitReport(
      deps,
      null,
      {
        categoryCode: code,
        title: title.length >= 5 ? title : `${title} — Open311`,
        body: body.slice(0, 5000),
        ...(hasPoint ? { location: { lat: lat!, lon: lon! } } : {}),
        ...(address ? { address: address.slice(0, 300) } : {}),
        attachmentIds: [],
        uploadTokens: [],
        reporter: { ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(name ? { name } : {}) },
        displayPublicly: 'anonymous',
        consent: true,
      },
      {
        idempotencyKey: null,
        actor: { id: null, label: `open311:${client.name}` },
        intakeChannel: 'open311',
        // GeoReport v2 has no language argument: the app's Accept-Language, else the reporter's words.
        lang: reporterLanguage({ header: acceptLanguage, text: description }),
      },
    );
    // The GeoReport token: we create at once, so the id comes with it; the token stays valid for
    // `GET tokens/:token` (clients written for servers that answer with a token only).
    const token = `tk_${randomBytes(18).toString('base64url')}`;
    await repo311.insertToken(deps.database.db, {
      token,
      reportId: result.id,
      trackingCode: result.trackingCode,
      clientId: client.id,
      createdAt: deps.now(),
    });
    return [
      {
        service_request_id: result.trackingCode,
        token,
        service_notice: 'Đã tiếp nhận / Received',
        account_id: null,
      },
    ];
  } catch (err) {
    if (err instanceof AppError) {
      const messages: Record<string, string> = {
        point_outside_province: 'Vị trí nằm ngoài tỉnh / The location is outside the province.',
        validation: 'Dữ liệu không hợp lệ (email hoặc phone) / Invalid email or phone.',
        contact_required: 'Cần email hoặc phone / email or phone is required.',
        unknown_category: `Không có dịch vụ "${code}" / Unknown service_code.`,
      };
      throw new Open311Error(err.code === 'unknown_category' ? 404 : 400, messages[err.code] ?? err.code);
    }
    throw err;
  }
}

function isOpen(status: string) {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * One request as anyone may see it: no reporter identity ever. The text, address and answer are shown
 * only once the IOC published the answer (the moderated stage, as on the public portal); before that
 * a request shows its service, status and dates.
 */
async function present(deps: ChannelsDeps, rows: RequestRow[]) {
  const agencies = await agencyNames(deps.database.db, [
    ...new Set(rows.map((r) => r.agencyId).filter((a): a is string => !!a)),
  ]);
  const services = new Map((await listCategories(deps.database.db)).map((c) => [c.code, c.name]));
  return rows.map((r) => {
    const published = r.status === 'published' || r.status === 'closed';
    const notes =
      r.status === 'rejected' && r.rejectReason
        ? REJECT_REASON_LABELS[r.rejectReason as RejectReason].vi
        : published
          ? r.answer
          : r.status === 'merged'
            ? 'Đã gộp vào phản ánh khác / Merged into another request'
            : null;
    return {
      service_request_id: r.trackingCode,
      status: isOpen(r.status) ? 'open' : 'closed',
      status_notes: notes,
      service_name: services.get(r.categoryCode) ?? r.categoryCode,
      service_code: r.categoryCode,
      description: published ? maskContacts(r.publicBody ?? r.body) : null,
      agency_responsible: r.agencyId ? (agencies.get(r.agencyId) ?? null) : null,
      service_notice: null,
      requested_datetime: r.receivedAt.toISOString(),
      updated_datetime: (r.closedAt ?? r.updatedAt).toISOString(),
      expected_datetime: (r.extendedDeadlineAt ?? r.deadlineAt)?.toISOString() ?? null,
      address: published ? r.address : null,
      address_id: null,
      zipcode: null,
      // Rounded like the portal's pages (about 100 m): a report sent from home must not point at the door.
      lat: r.lat !== null && r.lon !== null ? publicPoint(r.lat, r.lon).lat : null,
      long: r.lat !== null && r.lon !== null ? publicPoint(r.lat, r.lon).lon : null,
      media_url: null,
    };
  });
}

export interface Open311ListQuery {
  service_request_id?: string;
  service_code?: string;
  status?: string;
  start_date?: string;
  end_date?: string;
}

function date(value: string | undefined, name: string): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new Open311Error(
      400,
      `${name} không phải ngày giờ ISO 8601 / ${name} is not an ISO 8601 date-time.`,
    );
  return d;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** GET requests: by ids (overrides the rest), or by service codes, open/closed and a ≤ 90-day window. */
export async function listRequests(deps: ChannelsDeps, q: Open311ListQuery) {
  const codes = list(q.service_request_id).slice(0, 100).map(normalizeTrackingCode);
  const end = date(q.end_date, 'end_date') ?? deps.now();
  const start = date(q.start_date, 'start_date') ?? new Date(end.getTime() - 90 * DAY);
  if (end.getTime() - start.getTime() > 90 * DAY || end < start)
    throw new Open311Error(400, 'Khoảng ngày tối đa 90 ngày / The date range may span at most 90 days.');
  const statuses: ReportStatus[] = [];
  for (const s of list(q.status)) {
    if (s === 'open') statuses.push(...OPEN_STATUSES);
    else if (s === 'closed') statuses.push('published', 'closed', 'merged');
    else throw new Open311Error(400, 'status phải là open hoặc closed / status must be open or closed.');
  }
  const rows = await findRequests(deps.database.db, {
    codes,
    serviceCodes: list(q.service_code),
    statuses,
    start,
    end,
    limit: 1000,
  });
  return present(deps, rows);
}

/** GET requests/:id. */
export async function getRequest(deps: ChannelsDeps, id: string) {
  const rows = await findRequests(deps.database.db, {
    codes: [normalizeTrackingCode(id)],
    start: new Date(0),
    end: deps.now(),
    limit: 1,
  });
  if (!rows.length) throw new Open311Error(404, `Không có yêu cầu "${id}" / No request "${id}".`);
  return present(deps, rows);
}

/** Administrators register a client app and receive its key once; only the key's hash is stored. */
export async function createClient(
  deps: ChannelsDeps,
  p: Principal | null,
  input: { name: string; contact?: string | undefined },
  actor: Actor,
  fixedKey?: string,
) {
  if (!fixedKey) authorize(p, 'settings.manage');
  const key = fixedKey ?? `o311_${randomBytes(24).toString('base64url')}`;
  const row = await deps.database.db.transaction(async (tx) => {
    const row = await repo.insertOpen311Client(tx, {
      name: input.name,
      contact: input.contact ?? null,
      keyHash: hashKey(key),
      keyPrefix: key.slice(0, 8),
      createdBy: p?.userId ?? null,
      createdAt: deps.now(),
    });
    await appendAudit(tx, actor, {
      action: 'open311.client_created',
      entityType: 'open311_client',
      entityId: row.id,
      summary: { name: input.name, keyPrefix: row.keyPrefix },
    });
    return row;
  });
  return { id: row.id, name: row.name, keyPrefix: row.keyPrefix, apiKey: key };
}

export async function listClients(deps: ChannelsDeps, p: Principal | null) {
  authorize(p, 'settings.manage');
  const rows = await repo.listOpen311Clients(deps.database.db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      contact: r.contact,
      keyPrefix: r.keyPrefix,
      createdAt: r.createdAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
    })),
  };
}

export async function revokeClient(deps: ChannelsDeps, p: Principal | null, id: string, actor: Actor) {
  authorize(p, 'settings.manage');
  await deps.database.db.transaction(async (tx) => {
    const row = await repo.revokeOpen311Client(tx, id, deps.now());
    if (!row) throw new AppError('api_client_not_found');
    await appendAudit(tx, actor, {
      action: 'open311.client_revoked',
      entityType: 'open311_client',
      entityId: id,
    });
  });
}

/** GET tokens/:token: the request a token stands for (`[{ service_request_id, token }]`), else 404. */
export async function getToken(deps: ChannelsDeps, token: string) {
  const row = /^[A-Za-z0-9_-]{1,80}$/.test(token)
    ? await repo311.findToken(deps.database.db, token)
    : undefined;
  if (!row) throw new Open311Error(404, `Không có token "${token.slice(0, 80)}" / No such token.`);
  return [{ service_request_id: row.trackingCode, token: row.token }];
}

/**
 * mySociety's extended statuses (FixMyStreet "additional states") for a public step, from the status
 * the report moved to; GET requests keeps the plain open/closed of GeoReport v2.
 */
export function extendedStatus(toStatus: string | null, rejectReason: string | null): string {
  switch (toStatus) {
    case 'received':
    case 'accepted':
    case 'reopened':
      return 'open';
    case 'assigned':
      return 'action_scheduled';
    case 'in_progress':
    case 'answered':
    case 'approved':
      return 'in_progress';
    case 'returned':
      return 'investigating';
    case 'published':
    case 'closed':
      return 'closed';
    case 'merged':
      return 'duplicate';
    case 'rejected':
      return rejectReason === 'duplicate'
        ? 'duplicate'
        : rejectReason === 'out_of_scope' || rejectReason === 'complaint_procedure'
          ? 'not_councils_responsibility'
          : 'no_further_action';
    default:
      return 'open';
  }
}

const UPDATE_PAGE_MAX = 1000;

export interface Open311UpdatesQuery {
  start_date?: string;
  end_date?: string;
  after_id?: string;
  page_size?: string;
}

/**
 * GET servicerequestupdates (mySociety extension): the public steps of requests in a window (default
 * the last 24 hours, at most 90 days), oldest first, `page_size` (≤ 1,000) at a time; the next page
 * starts `after_id` the last update_id. The description is public text only: the published answer, the
 * reason of a refusal, or the step's label — never staff notes, reporters' words or names.
 */
export async function listUpdates(deps: ChannelsDeps, q: Open311UpdatesQuery) {
  const end = date(q.end_date, 'end_date') ?? deps.now();
  const start = date(q.start_date, 'start_date') ?? new Date(end.getTime() - DAY);
  if (end.getTime() - start.getTime() > 90 * DAY || end < start)
    throw new Open311Error(400, 'Khoảng ngày tối đa 90 ngày / The date range may span at most 90 days.');
  const afterId = q.after_id ? Number(q.after_id) : 0;
  const size = q.page_size ? Number(q.page_size) : UPDATE_PAGE_MAX;
  if (!Number.isInteger(afterId) || afterId < 0 || !Number.isInteger(size) || size < 1)
    throw new Open311Error(
      400,
      'after_id và page_size phải là số nguyên dương / after_id and page_size must be positive integers.',
    );
  const rows = await repo311.findPublicUpdates(deps.database.db, {
    start,
    end,
    afterId,
    limit: Math.min(size, UPDATE_PAGE_MAX),
  });
  return rows.map((r) => {
    const label = r.toStatus ? STATUS_LABELS[r.toStatus as ReportStatus] : undefined;
    const description =
      r.action === 'publish' && r.answer
        ? r.answer
        : r.action === 'reject' && r.rejectReason
          ? REJECT_REASON_LABELS[r.rejectReason as RejectReason].vi
          : r.action === 'merged_outcome'
            ? 'Phản ánh đã gộp vào phản ánh khác và được trả lời / Merged into a request that was answered'
            : label
              ? `${label.vi} / ${label.en}`
              : '';
    return {
      update_id: String(r.id),
      service_request_id: r.trackingCode,
      status: extendedStatus(r.toStatus, r.action === 'reject' ? r.rejectReason : null),
      updated_datetime: r.at.toISOString(),
      description,
      media_url: '',
    };
  });
}

export interface Open311UpdatePost extends Record<string, string | undefined> {
  api_key?: string;
  service_request_id?: string;
  update_id?: string;
  updated_datetime?: string;
  status?: string;
  description?: string;
}

/**
 * POST servicerequestupdates (mySociety extension, client → us): a client adds what its user wrote
 * later to a request it created. It becomes a non-public `open311_update` step on the report for the
 * IOC (as a mail follow-up is); the status a client sends is recorded, not applied: only staff move
 * reports through the lifecycle. Answered with our update_id.
 */
export async function postUpdate(deps: ChannelsDeps, input: Open311UpdatePost) {
  const client = await clientForKey(deps, input.api_key);
  const id = input.service_request_id?.trim();
  if (!id) throw new Open311Error(400, 'Thiếu service_request_id / service_request_id missing.');
  const raw = input.description ?? '';
  if (raw.length > DESCRIPTION_MAX)
    throw new Open311Error(
      400,
      `description tối đa ${DESCRIPTION_MAX} ký tự / description is limited to ${DESCRIPTION_MAX} characters.`,
    );
  const text = stripTags(raw);
  if (!text) throw new Open311Error(400, 'Thiếu description / description missing.');
  const status = (input.status ?? '').trim().toLowerCase();
  if (status && !/^[a-z_]{2,40}$/.test(status))
    throw new Open311Error(400, 'status không hợp lệ / invalid status.');
  const db = deps.database.db;
  const report = await findReportByCode(db, normalizeTrackingCode(id));
  const token = report ? await repo311.tokenOfReport(db, report.id) : undefined;
  if (!report || report.status === 'rejected')
    throw new Open311Error(404, `Không có yêu cầu "${id}" / No request "${id}".`);
  if (token?.clientId !== client.id)
    throw new Open311Error(
      403,
      'Chỉ ứng dụng đã tạo yêu cầu mới được bổ sung / Only the client that created the request may update it.',
    );
  const event = await db.transaction(async (tx) => {
    const current = (await findReport(tx, report.id))!;
    return recordReportEvent(
      tx,
      { jobs: deps.jobs, now: deps.now },
      current,
      {
        action: 'open311_update',
        fromStatus: current.status,
        toStatus: current.status,
        isPublic: false,
        note: text,
        data: {
          client: client.name,
          clientUpdateId: input.update_id?.slice(0, 80) ?? null,
          requestedStatus: status || null,
        },
      },
      { id: null, label: `open311:${client.name}` },
    );
  });
  return [{ update_id: String(event.id) }];
}
