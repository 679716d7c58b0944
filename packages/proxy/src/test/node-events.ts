import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeBody } from '../body.js';
import type { createWebhookReceiver } from '../events/receiver.js';
import { type EventStream, lastEventIdOf } from '../events/stream.js';
import { writeReply } from '../mounts/node.js';
import { jsonReply } from '../respond.js';

/** The request's headers as a Web `Headers`. */
export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  return headers;
}

/** Serves a webhook receiver on node:http, as the proxy's node mount does. */
export function nodeReceiver(receive: ReturnType<typeof createWebhookReceiver>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const outcome = await receive(req.method ?? '', headersOf(req), nodeBody(req));
    writeReply(res, jsonReply(undefined, outcome.status, outcome.body, outcome.headers));
  };
}

/** Serves one browser's event stream on node:http, as the proxy's node mount does. */
export function connectNode<User>(
  stream: EventStream<User>,
  req: IncomingMessage,
  res: ServerResponse,
  user: User,
): void {
  const search = new URL(req.url ?? '/', 'http://x').search;
  writeReply(res, stream.connect(user, lastEventIdOf(headersOf(req), search)));
}
