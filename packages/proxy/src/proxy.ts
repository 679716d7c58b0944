// The node mount lives in mounts/node.ts; this module keeps the historical import path.
export { clinikProxy } from './mounts/node.js';
