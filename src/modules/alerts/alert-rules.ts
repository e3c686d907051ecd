import {
  STATUS_MARKS,
  type AlertAction,
  type AlertState,
  type AlertTexts,
  type CapSeverity,
  type CapStatus,
} from '../../contracts/alerts.js';

// Pure rules of the alerts module: workflow, area checks and targeting, push options. No I/O here.

/** Which workflow step each action starts from, and which permission it needs. */
export const ALERT_WORKFLOW: Record<
  AlertAction,
  { from: readonly AlertState[]; permission: 'alerts.draft' | 'alerts.approve' }
> = {
  edit: { from: ['draft', 'rejected'], permission: 'alerts.draft' },
  submit: { from: ['draft', 'rejected'], permission: 'alerts.draft' },
  approve: { from: ['submitted'], permission: 'alerts.approve' },
  reject: { from: ['submitted'], permission: 'alerts.approve' },
  publish: { from: ['approved'], permission: 'alerts.approve' },
  update: { from: ['published'], permission: 'alerts.draft' },
  cancel: { from: ['published'], permission: 'alerts.draft' },
};

export interface ActorFacts {
  userId: string;
  permissions: ReadonlySet<'alerts.draft' | 'alerts.approve'>;
}

/**
 * Actions the person may take on the alert now. The approver must not be the author (a second person);
 * the same rule stands in the database (CHECK approved_by <> created_by).
 */
export function availableAlertActions(
  alert: { state: AlertState; createdBy: string; msgType: string },
  actor: ActorFacts | null,
): AlertAction[] {
  if (!actor) return [];
  return (Object.keys(ALERT_WORKFLOW) as AlertAction[]).filter((action) => {
    const rule = ALERT_WORKFLOW[action];
    if (!rule.from.includes(alert.state)) return false;
    if (!actor.permissions.has(rule.permission)) return false;
    if ((action === 'approve' || action === 'reject') && alert.createdBy === actor.userId) return false;
    // A cancellation ends the chain: there is nothing to update or cancel after it.
    if ((action === 'update' || action === 'cancel') && alert.msgType === 'Cancel') return false;
    return true;
  });
}

type Point = [number, number];

function orientation(a: Point, b: Point, c: Point): number {
  const v = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1]);
  return Math.abs(v) < 1e-12 ? 0 : v > 0 ? 1 : 2;
}

function onSegment(a: Point, b: Point, c: Point): boolean {
  return (
    Math.min(a[0], c[0]) <= b[0] &&
    b[0] <= Math.max(a[0], c[0]) &&
    Math.min(a[1], c[1]) <= b[1] &&
    b[1] <= Math.max(a[1], c[1])
  );
}

function segmentsIntersect(p1: Point, q1: Point, p2: Point, q2: Point): boolean {
  const o1 = orientation(p1, q1, p2);
  const o2 = orientation(p1, q1, q2);
  const o3 = orientation(p2, q2, p1);
  const o4 = orientation(p2, q2, q1);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(p1, p2, q1)) return true;
  if (o2 === 0 && onSegment(p1, q2, q1)) return true;
  if (o3 === 0 && onSegment(p2, p1, q2)) return true;
  if (o4 === 0 && onSegment(p2, q1, q2)) return true;
  return false;
}

/** Why a CAP polygon ring is unusable, or null: it must close, have three distinct corners and not cross itself. */
export function polygonProblem(
  ring: readonly Point[],
): 'not_closed' | 'too_few_points' | 'self_intersecting' | null {
  const first = ring[0];
  const last = ring.at(-1);
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) return 'not_closed';
  const corners = ring.slice(0, -1);
  if (new Set(corners.map((p) => `${p[0]},${p[1]}`)).size < 3) return 'too_few_points';
  const n = corners.length;
  for (let i = 0; i < n; i++) {
    const a1 = corners[i]!;
    const a2 = corners[(i + 1) % n]!;
    for (let j = i + 1; j < n; j++) {
      // Neighbouring edges share a corner; that is not a crossing.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsIntersect(a1, a2, corners[j]!, corners[(j + 1) % n]!)) return 'self_intersecting';
    }
  }
  return null;
}

export interface UnitNode {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

/** Parent → children and code → unit, built once from the profile's units. */
export class UnitTree {
  readonly byCode = new Map<string, UnitNode>();
  private readonly children = new Map<string, string[]>();

  constructor(units: readonly UnitNode[]) {
    for (const u of units) {
      this.byCode.set(u.code, u);
      if (u.parentCode) {
        const list = this.children.get(u.parentCode) ?? [];
        list.push(u.code);
        this.children.set(u.parentCode, list);
      }
    }
  }

  descendantsAndSelf(code: string): string[] {
    const out: string[] = [];
    const stack = [code];
    while (stack.length) {
      const c = stack.pop()!;
      out.push(c);
      stack.push(...(this.children.get(c) ?? []));
    }
    return out;
  }

  ancestors(code: string): string[] {
    const out: string[] = [];
    let cursor = this.byCode.get(code)?.parentCode ?? null;
    while (cursor) {
      out.push(cursor);
      cursor = this.byCode.get(cursor)?.parentCode ?? null;
    }
    return out;
  }

  /**
   * The unit codes a subscription may hold to be reached by an alert on `alertUnits`: the alert's units,
   * everything inside them (a district alert reaches its communes' subscribers) and everything that contains
   * them (someone who chose the whole district hears about one of its communes). Areas that intersect.
   */
  reachCodes(alertUnits: readonly string[]): string[] {
    const set = new Set<string>();
    for (const code of alertUnits) {
      for (const c of this.descendantsAndSelf(code)) set.add(c);
      for (const c of this.ancestors(code)) set.add(c);
    }
    return [...set].sort();
  }

  /**
   * Every unit the alert covers, for the CAP geocodes: the targeted units and all units inside them (the
   * communes of a chosen district), never their parents; coarser levels first, then by code.
   */
  coveredCodes(targeted: readonly string[]): string[] {
    const set = new Set<string>();
    for (const code of targeted)
      if (this.byCode.has(code)) for (const c of this.descendantsAndSelf(code)) set.add(c);
    const level = (c: string) => this.byCode.get(c)?.level ?? 9;
    return [...set].sort((a, b) => level(a) - level(b) || a.localeCompare(b));
  }

  /** Drops units already covered by another chosen unit (a commune inside a chosen district). */
  normalise(codes: readonly string[]): string[] {
    const chosen = new Set(codes);
    return [...chosen].filter((c) => !this.ancestors(c).some((a) => chosen.has(a))).sort();
  }
}

/** The units an alert targets: the chosen ones and those its drawn polygon or circle touches. */
export function targetedUnits(alert: { unitCodes: readonly string[]; shapeUnitCodes: readonly string[] }) {
  return [...new Set([...alert.unitCodes, ...alert.shapeUnitCodes])];
}

/** Push TTL: seconds until the alert expires (never negative). */
export function pushTtlSeconds(expires: Date, now: Date): number {
  return Math.max(0, Math.floor((expires.getTime() - now.getTime()) / 1000));
}

export function pushUrgency(severity: CapSeverity): 'high' | 'normal' {
  return severity === 'Severe' || severity === 'Extreme' ? 'high' : 'normal';
}

/** The push Topic (≤ 32 URL-safe characters): the chain's root id, so an update replaces a pending message. */
export function pushTopic(rootId: string): string {
  return rootId.replace(/-/g, '');
}

export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
  severity: CapSeverity;
  status: CapStatus;
}

/** The JSON the service worker shows: exercise and test messages say so in the title. */
export function pushPayload(
  alert: {
    id: string;
    rootId: string;
    status: CapStatus;
    msgType: string;
    severity: CapSeverity;
    textsVi: AlertTexts;
    textsEn: AlertTexts | null;
  },
  lang: 'vi' | 'en',
  appBase: string,
): PushPayload {
  const texts = lang === 'en' && alert.textsEn ? alert.textsEn : alert.textsVi;
  const useLang = texts === alert.textsEn ? 'en' : 'vi';
  const mark = STATUS_MARKS[alert.status];
  const prefix = [
    mark ? `[${mark[useLang]}]` : '',
    alert.msgType === 'Cancel' ? (useLang === 'en' ? '[CANCELLED]' : '[HỦY]') : '',
    alert.msgType === 'Update' ? (useLang === 'en' ? '[UPDATE]' : '[CẬP NHẬT]') : '',
  ]
    .filter(Boolean)
    .join(' ');
  const body = [texts.description, texts.instruction].filter(Boolean).join('\n');
  return {
    title: `${prefix ? `${prefix} ` : ''}${texts.headline}`,
    body: body.length > 300 ? `${body.slice(0, 297)}…` : body,
    url: `${appBase}/app/canh-bao/${alert.id}`,
    tag: `alert-${alert.rootId}`,
    severity: alert.severity,
    status: alert.status,
  };
}

/** Exercise, test, system and draft messages never reach the public audience. */
export function isDrill(status: CapStatus): boolean {
  return status !== 'Actual';
}
