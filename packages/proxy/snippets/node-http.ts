import { createServer } from 'node:http';
import { clinikProxy, patientPortal } from '@clinikapi/proxy';

interface AppUser {
  id: string;
  patientId: string;
}
declare function userFromCookie(header: string | undefined): AppUser | null;

const proxy = clinikProxy<AppUser>({
  target: process.env.CLINIKAPI_URL,
  apiKey: process.env.CLINIKAPI_SECRET_KEY,
  authenticate: (req) => userFromCookie(req.headers.cookie),
  authorize: patientPortal({ patientIdOf: (user) => user.patientId }),
  mountPath: '/api/clinik', // Express strips its mount path itself; node:http needs this
});

createServer((req, res) => {
  if (req.url?.startsWith('/api/clinik')) return proxy(req, res);
  res.writeHead(404).end(); // ...the rest of the app
}).listen(3000);
