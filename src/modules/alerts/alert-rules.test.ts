import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../platform/profile/profile.js';
import {
  availableAlertActions,
  polygonProblem,
  pushPayload,
  pushTopic,
  pushTtlSeconds,
  pushUrgency,
  UnitTree,
} from './alert-rules.js';
import { capTime, checkCapSemantics, renderCap, xmlEscape } from './cap.js';
import { endpointAcceptable } from '../../platform/push/endpoint.js';

const profile = loadProfile('long-an-2022');
const tree = new UnitTree(
  profile.units.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parent_code })),
);

describe('alert workflow rules', () => {
  const officer = { userId: 'u1', permissions: new Set(['alerts.draft'] as const) };
  const approver = { userId: 'u2', permissions: new Set(['alerts.approve'] as const) };
  const both = { userId: 'u1', permissions: new Set(['alerts.draft', 'alerts.approve'] as const) };

  it('offers each person only the steps their role and the state allow', () => {
    const alert = (state: never, msgType = 'Alert') => ({ state, createdBy: 'u1', msgType });
    expect(availableAlertActions(alert('draft' as never), officer)).toEqual(['edit', 'submit']);
    expect(availableAlertActions(alert('submitted' as never), officer)).toEqual([]);
    expect(availableAlertActions(alert('submitted' as never), approver)).toEqual(['approve', 'reject']);
    expect(availableAlertActions(alert('approved' as never), approver)).toEqual(['publish']);
    expect(availableAlertActions(alert('published' as never), officer)).toEqual(['update', 'cancel']);
    expect(availableAlertActions(alert('published' as never, 'Cancel'), officer)).toEqual([]);
    expect(availableAlertActions(alert('cancelled' as never), officer)).toEqual([]);
    expect(availableAlertActions(alert('draft' as never), null)).toEqual([]);
  });

  it('never offers approval to the author, even one holding both roles', () => {
    expect(availableAlertActions({ state: 'submitted', createdBy: 'u1', msgType: 'Alert' }, both)).toEqual(
      [],
    );
  });
});

describe('area checks and targeting', () => {
  it('covers every unit inside a targeted one for the CAP geocodes, never the parents', () => {
    const canGiuoc = profile.units.filter((u) => u.parent_code === '807').map((u) => u.code);
    expect(canGiuoc.length).toBeGreaterThan(10);
    const ward = profile.units.find((u) => u.parent_code === '794')!.code;
    const covered = tree.coveredCodes(['807', ward, 'nope']);
    expect(covered).toEqual(['807', ...[ward, ...canGiuoc].sort()]);
    expect(covered).not.toContain('80');
    expect(covered).not.toContain('794');
    expect(tree.coveredCodes(['80'])).toHaveLength(profile.units.length);
  });

  it('accepts a simple closed ring and names what is wrong with bad ones', () => {
    expect(
      polygonProblem([
        [10.5, 106.4],
        [10.6, 106.4],
        [10.6, 106.5],
        [10.5, 106.4],
      ]),
    ).toBeNull();
    expect(
      polygonProblem([
        [10.5, 106.4],
        [10.6, 106.4],
        [10.6, 106.5],
        [10.5, 106.5],
      ]),
    ).toBe('not_closed');
    expect(
      polygonProblem([
        [10.5, 106.4],
        [10.6, 106.5],
        [10.5, 106.5],
        [10.6, 106.4],
        [10.5, 106.4],
      ]),
    ).toBe('self_intersecting');
    expect(
      polygonProblem([
        [10.5, 106.4],
        [10.6, 106.4],
        [10.6, 106.4],
        [10.5, 106.4],
      ]),
    ).toBe('too_few_points');
  });

  it('reaches the area, what it contains and what contains it — not the neighbours', () => {
    const reach = new Set(tree.reachCodes(['794']));
    expect(reach.has('794')).toBe(true);
    expect(reach.has('27685')).toBe(true); // a ward of Tân An
    expect(reach.has('80')).toBe(true); // province-wide subscribers
    expect(reach.has('795')).toBe(false);
    expect(reach.has('27787')).toBe(false); // a ward of Kiến Tường
    const province = tree.reachCodes(['80']);
    expect(province.length).toBe(profile.units.length);
    const ward = new Set(tree.reachCodes(['27685']));
    expect([...ward].sort()).toEqual(['27685', '794', '80']);
  });

  it('drops communes already covered by a chosen district', () => {
    expect(tree.normalise(['27685', '794', '795', '794'])).toEqual(['794', '795']);
  });
});

describe('push options and payload', () => {
  it('sets TTL to the expiry, high urgency only when severe, a 32-character topic', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    expect(pushTtlSeconds(new Date('2026-11-29T12:00:00Z'), now)).toBe(7200);
    expect(pushTtlSeconds(new Date('2026-11-29T09:00:00Z'), now)).toBe(0);
    expect(pushUrgency('Extreme')).toBe('high');
    expect(pushUrgency('Severe')).toBe('high');
    expect(pushUrgency('Moderate')).toBe('normal');
    expect(pushTopic('3f1c0d9e-4a8b-4c8e-9a57-1b2c3d4e5f60')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('marks exercises in the title and falls back to Vietnamese', () => {
    const p = pushPayload(
      {
        id: 'a',
        rootId: 'r',
        status: 'Exercise',
        msgType: 'Alert',
        severity: 'Severe',
        textsVi: { event: 'Bão', headline: 'Bão số 9', description: 'Gió mạnh', instruction: 'Ở trong nhà' },
        textsEn: null,
      },
      'en',
      'https://x.vn',
    );
    expect(p).toEqual({
      title: '[DIỄN TẬP] Bão số 9',
      body: 'Gió mạnh\nỞ trong nhà',
      url: 'https://x.vn/app/canh-bao/a',
      tag: 'alert-r',
      severity: 'Severe',
      status: 'Exercise',
    });
  });
});

describe('CAP output helpers', () => {
  it('writes times with the province offset and escapes XML', () => {
    expect(capTime(new Date('2026-11-29T03:04:05.678Z'), 'Asia/Ho_Chi_Minh')).toBe(
      '2026-11-29T10:04:05+07:00',
    );
    expect(capTime(new Date('2026-11-29T03:04:05Z'), 'UTC')).toBe('2026-11-29T03:04:05+00:00');
    expect(xmlEscape(`a<b>&"c"'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;');
  });

  it('the semantic checker finds what the schema cannot', () => {
    const base = {
      identifier: 'urn:uuid:1',
      sender: 'canhbao@x.vn',
      sent: new Date('2026-11-29T03:00:00Z'),
      status: 'Actual',
      msgType: 'Update',
      scope: 'Public',
      references: [],
      category: 'Met',
      responseType: 'Prepare',
      urgency: 'Expected',
      severity: 'Severe',
      certainty: 'Likely',
      onset: null,
      expires: new Date('2026-11-29T02:00:00Z'),
      senderName: 'IOC',
      texts: [
        { lang: 'vi-VN' as const, t: { event: 'Bão', headline: 'h', description: 'd', instruction: '' } },
      ],
      web: null,
      contact: null,
      eventCode: null,
      areaDesc: 'X',
      polygon: [
        [10, 106],
        [10.1, 106],
        [10, 106.1],
      ] as [number, number][],
      circle: null,
      geocodes: [],
    };
    const problems = checkCapSemantics(renderCap(base, 'Asia/Ho_Chi_Minh'));
    expect(problems).toEqual(
      expect.arrayContaining([
        'references_missing',
        'polygon_too_short',
        'polygon_not_closed',
        'expires_before_sent',
      ]),
    );
  });
});

describe('push endpoints the server will call', () => {
  it('accepts public https push services only, loopback only on a local install', () => {
    expect(endpointAcceptable('https://fcm.googleapis.com/fcm/send/abc', false)).toBe(true);
    expect(endpointAcceptable('https://updates.push.services.mozilla.com/wpush/v2/x', false)).toBe(true);
    expect(endpointAcceptable('http://fcm.googleapis.com/fcm/send/abc', false)).toBe(false);
    expect(endpointAcceptable('https://127.0.0.1/notify', false)).toBe(false);
    expect(endpointAcceptable('https://10.0.0.5/notify', false)).toBe(false);
    expect(endpointAcceptable('https://[::1]/notify', false)).toBe(false);
    expect(endpointAcceptable('https://metadata.internal/x', false)).toBe(false);
    expect(endpointAcceptable('https://user:pw@push.example.com/x', false)).toBe(false);
    expect(endpointAcceptable('http://127.0.0.1:8090/notify/x', false)).toBe(false);
    expect(endpointAcceptable('http://127.0.0.1:8090/notify/x', true)).toBe(true);
  });
});
