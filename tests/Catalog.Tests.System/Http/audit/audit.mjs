// Runs the graphql-http server audits (GraphQL over HTTP conformance) against a live endpoint and prints one JSON
// array: [{ id, name, level, status, reason, responseStatus }] where status is "ok", or "error" (a MUST failed),
// "warn" (a SHOULD failed) or "notice" (a MAY failed). Exits 0 whenever the audits ran; judging is the caller's job.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

const results = await auditServer({ url });
const report = await Promise.all(results.map(async (result) => {
  const entry = {
    id: result.id,
    name: result.name,
    level: result.name.split(' ')[0],
    status: result.status,
  };
  if (result.status !== 'ok') {
    entry.reason = result.reason;
    entry.responseStatus = result.response?.status;
    try {
      entry.responseBody = (await result.response.clone().text()).slice(0, 500);
    } catch {
      // The audit already read the body; the reason says what was wrong with it.
    }
  }
  return entry;
}));
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
