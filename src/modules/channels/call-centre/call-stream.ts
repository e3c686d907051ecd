import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { registerNotifyStream } from '../../../platform/http/notify-stream.js';
import { authorize, type Principal } from '../../identity/index.js';
import type { ChannelsDeps } from '../channels-deps.js';
import { CALL_CHANNEL, type CallChangeMessage } from './calls.js';

/**
 * Calls as they ring, are answered and end (`GET /api/v1/call-centre/stream`, server-sent events) for the
 * agents' screens. Messages carry no personal data: the screen fetches the call (and the caller's
 * history) when it pops. A call the telephony system rings on named agents (newCall `user[]`) pops only
 * on their screens.
 */
export function registerCallStream(
  app: FastifyInstance,
  deps: ChannelsDeps,
  signedIn: preHandlerAsyncHookHandler,
) {
  registerNotifyStream<CallChangeMessage>(app, {
    url: '/api/v1/call-centre/stream',
    channel: CALL_CHANNEL,
    event: 'call',
    database: deps.database,
    preHandler: [signedIn],
    open(req) {
      const me = authorize(req.principal as Principal | null, 'reports.record_for_caller');
      return (msg) => !msg.agentIds || msg.agentIds.includes(me.userId) || msg.event === 'answer';
    },
  });
}
