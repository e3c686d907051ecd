import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  activateModelParams,
  hotspotActionRequest,
  suggestRequest,
  trainingJobParams,
} from '../../contracts/triage.js';
import { defineRoute } from '../../platform/http/route.js';
import { actorOf, optionalSignIn, requireSignedIn, type Principal } from '../identity/index.js';
import type { TriageDeps } from './triage-deps.js';
import { actOnHotspot, listHotspots } from './use-cases/hotspots.js';
import { activateModel, listModels } from './use-cases/models.js';
import { suggestForReport, suggestForText } from './use-cases/suggest.js';
import { requestTraining, trainingState } from './use-cases/train-model.js';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['triage'];

/** HTTP routes of smart triage: category suggestions, the model versions, hotspots. */
export function registerTriageRoutes(app: FastifyInstance, deps: TriageDeps): void {
  const signedIn = requireSignedIn(deps);
  const maybeSignedIn = optionalSignIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports/:id/suggestions',
    summary: 'Gợi ý lĩnh vực và cơ quan xử lý cho phản ánh / Category and agency suggestions for a report',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => suggestForReport(deps, me(req), params.id),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/triage/suggest',
    summary: 'Gợi ý lĩnh vực từ nội dung đang nhập / Category suggestions for text being typed',
    tags,
    body: suggestRequest,
    preHandler: [maybeSignedIn],
    rateLimit: { max: 60, timeWindow: '1 minute' },
    security: 'none',
    handler: async ({ body }) => suggestForText(deps, body),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/triage/models',
    summary: 'Các phiên bản mô hình phân loại / Classifier model versions',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => listModels(deps, me(req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/triage/models',
    summary: 'Huấn luyện mô hình mới (trong hàng đợi) / Queue a training of a new model',
    tags,
    preHandler: [signedIn],
    rateLimit: { max: 5, timeWindow: '1 minute' },
    responses: { 202: 'Đã đưa vào hàng đợi / Queued for the worker' },
    handler: async ({ req, reply }) => {
      const job = await requestTraining(deps, me(req), actorOf(me(req), req));
      reply.status(202).header('location', `/api/v1/triage/models/training/${job.jobId}`);
      return job;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/triage/models/training/:jobId',
    summary: 'Tiến độ một lần huấn luyện / Progress of a training',
    tags,
    params: trainingJobParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => trainingState(deps, me(req), params.jobId),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/triage/models/rollback',
    summary: 'Quay lại phiên bản mô hình trước / Roll back to the previous model',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => activateModel(deps, me(req), null, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/triage/models/:version/activate',
    summary: 'Kích hoạt một phiên bản mô hình / Activate a model version',
    tags,
    params: activateModelParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => activateModel(deps, me(req), params.version, actorOf(me(req), req)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/triage/hotspots',
    summary: 'Điểm nóng đang diễn ra / Ongoing hotspots',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => ({ items: await listHotspots(deps, me(req)) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/triage/hotspots/:id',
    summary: 'Ghi nhận hoặc bỏ qua điểm nóng / Acknowledge or dismiss a hotspot',
    tags,
    params: idParams,
    body: hotspotActionRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      actOnHotspot(deps, me(req), params.id, body, actorOf(me(req), req)),
  });
}
