import { createHmac } from 'node:crypto';
import { signingKeyOf } from '../webhooks/secret-box';

/** The Standard Webhooks headers of one attempt (https://www.standardwebhooks.com). */
export function signedHeaders(secret: string, id: string, timestampSeconds: number, body: string): Record<string, string> {
  const signature = createHmac('sha256', signingKeyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${signature}`,
  };
}
