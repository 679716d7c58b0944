import { proxy } from '../../../../lib/proxy';

// Every method of /api/clinik/** goes to the proxy: REST, the event stream, webhooks.
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = proxy.handlers;
