import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { registerNotifyStream } from '../../platform/http/notify-stream.js';
import { authorize, type Principal } from '../identity/index.js';
import { REPORT_CHANNEL, type FeedbackDeps } from './feedback-deps.js';
import { scopeOf } from './use-cases/read-reports.js';

interface ReportChangeMessage {
  id: string;
  status: string;
  agencyId: string | null;
  version: number;
  action: string;
}

/**
 * The IOC's and agencies' live queue (`GET /api/v1/reports/stream`, server-sent events of committed report
 * changes). Agency staff hear only about their agencies' reports; the message carries no personal data.
 */
export function registerReportStream(
  app: FastifyInstance,
  deps: FeedbackDeps,
  signedIn: preHandlerAsyncHookHandler,
) {
  registerNotifyStream<ReportChangeMessage>(app, {
    url: '/api/v1/reports/stream',
    channel: REPORT_CHANNEL,
    event: 'report',
    database: deps.database,
    preHandler: [signedIn],
    open(req) {
      const scope = scopeOf(authorize(req.principal as Principal | null, 'reports.read'));
      return (msg) => !scope || (!!msg.agencyId && scope.includes(msg.agencyId));
    },
  });
}
