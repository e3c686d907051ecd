import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import * as repo from './triage.repository.js';

let t: TestApp;
let ioc: TestClient;
let handler: TestClient;

beforeAll(async () => {
  // Jobs on: this process is the worker too (embedded mode), as on a single-server install.
  t = await createTestApp({ jobs: true });
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
  handler = new TestClient(t.app);
  await handler.signIn('canbo', TEST_DEMO_PASSWORD);
}, 240_000);
afterAll(async () => {
  await t?.close();
});

interface ModelRow {
  version: number;
  active: boolean;
  trigger: string;
  confirmedSize: number;
  trainingSize: number;
  top1: number;
  top3: number;
}
type ModelsBody = { items: ModelRow[]; training: { pending: number } };

const models = async () => (await ioc.get('/api/v1/triage/models')).json() as ModelsBody;

async function until<T>(what: string, probe: () => Promise<T | null>, ms = 150_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const audits = (action: string) =>
  t.app.database.query<{ actor_id: string | null; summary: Record<string, unknown> }>(
    `select actor_id, summary from audit_log where action = $1 order by id`,
    [action],
  );

describe(`training through the job queue (${TEST_ENGINE})`, () => {
  it('records the category the operator confirmed as training data', async () => {
    const submitted = await new TestClient(t.app).post('/api/v1/reports', {
      categoryCode: 'khac',
      title: 'Đèn đường không sáng',
      body: 'Bóng đèn đường trước hẻm 12 bị cháy mấy bữa nay',
      location: { lat: 10.5359, lon: 106.4107 },
      reporter: { name: 'Nguyễn Văn An', phone: '0909123456' },
      displayPublicly: 'anonymous',
      consent: true,
    });
    expect(submitted.statusCode).toBe(201);
    const id = submitted.json().id as string;
    const before = await repo.confirmedReports(t.app.database.db, 1_000_000);
    expect(before.map((r) => r.id)).not.toContain(id); // received, not yet triaged

    const report = (await ioc.get(`/api/v1/reports/${id}`)).json().report;
    const triaged = await ioc.post(`/api/v1/reports/${id}/triage`, {
      version: report.version,
      categoryCode: 'chieu_sang',
    });
    expect(triaged.statusCode).toBe(200);
    const after = await repo.confirmedReports(t.app.database.db, 1_000_000);
    expect(after.find((r) => r.id === id)).toMatchObject({ category: 'chieu_sang' }); // not the citizen's 'khac'
    expect(after).toHaveLength(before.length + 1);
  });

  it('queues training on demand for the worker, shows it pending, then the new version; rollback as before', async () => {
    expect((await handler.get('/api/v1/triage/models')).statusCode).toBe(403);
    expect((await handler.post('/api/v1/triage/models')).statusCode).toBe(403);
    expect((await new TestClient(t.app).post('/api/v1/triage/models')).statusCode).toBe(401);

    // The first start trains version 1 from the corpus and the confirmed reports (a queued job).
    const v1 = await until('the first training', async () => {
      const m = await models();
      return m.items.length > 0 && m.training.pending === 0 ? m.items[0]! : null;
    });
    expect(v1).toMatchObject({ version: 1, active: true, trigger: 'schedule' });
    expect(v1.trainingSize).toBeGreaterThan(2000);
    expect(v1.top1).toBeGreaterThan(0.85);
    expect(v1.top3).toBeGreaterThan(0.95);

    const asked = await ioc.post('/api/v1/triage/models');
    expect(asked.statusCode).toBe(202);
    const job = asked.json() as { jobId: string; state: string };
    expect(job.state).toBe('queued');
    expect(asked.headers.location).toBe(`/api/v1/triage/models/training/${job.jobId}`);
    // Not trained by the request: the list still has one version and one training pending.
    const pendingNow = await models();
    expect(pendingNow.items).toHaveLength(1);
    expect(pendingNow.training.pending).toBe(1);

    const final = await until('the queued training', async () => {
      const s = (await ioc.get(`/api/v1/triage/models/training/${job.jobId}`)).json().state as string;
      return s === 'done' || s === 'failed' ? s : null;
    });
    expect(final).toBe('done');
    const list = await models();
    expect(list.training.pending).toBe(0);
    expect(list.items.map((m) => [m.version, m.active, m.trigger])).toEqual([
      [2, true, 'manual'],
      [1, false, 'schedule'],
    ]);
    const confirmed = await repo.confirmedReports(t.app.database.db, 1_000_000);
    expect(list.items[0]!.confirmedSize).toBe(confirmed.length);

    // Audited: who asked (with the job), and the training under the same operator.
    const requested = await audits('triage.model_training_requested');
    expect(requested).toHaveLength(1);
    expect(requested[0]!.summary).toMatchObject({ jobId: job.jobId });
    const trained = await audits('triage.model_trained');
    expect(trained.map((a) => a.summary.trigger)).toEqual(['schedule', 'manual']);
    expect(trained[1]!.actor_id).toBe(requested[0]!.actor_id);
    const [stored] = await t.app.database.query<{ created_by: string }>(
      `select created_by from triage_models where version = 2`,
    );
    expect(stored!.created_by).toBe(requested[0]!.actor_id);

    expect(
      (await ioc.get('/api/v1/triage/models/training/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);

    // Rollback and activation work as they did.
    const back = await ioc.post('/api/v1/triage/models/rollback');
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ version: 1, active: true });
    expect((await ioc.post('/api/v1/triage/models/rollback')).json().code).toBe('triage_no_previous_model');
    expect((await ioc.post('/api/v1/triage/models/2/activate')).json()).toMatchObject({
      version: 2,
      active: true,
    });
  }, 300_000);
});
