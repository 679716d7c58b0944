import { clinikProxy, patientPortal, staff } from '@clinikapi/proxy';
import express from 'express';

interface AppUser {
  id: string;
  role: 'staff' | 'patient';
  patientId?: string;
}
// Your auth: a session, Clerk, Auth0, Supabase... (or jwtAuth() from @clinikapi/proxy).
declare function userFromSession(req: express.Request): Promise<AppUser | null>;

const app = express();
const proxy = clinikProxy<AppUser, express.Request>({
  target: process.env.CLINIKAPI_URL ?? 'https://api.clinikapi.com',
  apiKey: process.env.CLINIKAPI_SECRET_KEY, // stays on the server
  authenticate: (req) => userFromSession(req),
  authorize: (context) =>
    context.user.role === 'staff'
      ? staff<AppUser>()(context)
      : patientPortal<AppUser>({ patientIdOf: (user) => user.patientId })(context),
  events: { webhookSecret: process.env.CLINIKAPI_WEBHOOK_SECRET }, // optional: live updates
});
app.use('/api/clinik', proxy); // before express.json(), so webhook bodies stay raw
app.use(express.json());
const server = app.listen(3000);
process.on('SIGTERM', () => void proxy.close().then(() => server.close()));
