import { clinikProxy, staff } from '@clinikapi/proxy';
import express from 'express';

interface AppUser {
  id: string;
  role: string;
}
// Your auth: a session (express-session, ...), Clerk, Auth0, Supabase...
declare function userFromSession(req: express.Request): AppUser | null;

const app = express();
const proxy = clinikProxy<AppUser, express.Request>({
  target: process.env.CLINIKAPI_URL, // e.g. https://api.clinikapi.com
  apiKey: process.env.CLINIKAPI_SECRET_KEY, // clk_test_... / clk_live_...
  authenticate: (req) => userFromSession(req),
  authorize: staff(),
  events: { webhookSecret: process.env.CLINIKAPI_WEBHOOK_SECRET }, // optional: live updates
});
app.use('/api/clinik', proxy); // before express.json(): webhook signatures need the raw body
app.use(express.json()); // the rest of your app
const server = app.listen(3000);
process.on('SIGTERM', () => void proxy.close().then(() => server.close()));
