import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { newSecret } from '../webhooks/secret-box';
import { signedHeaders } from './signature';

describe('signedHeaders', () => {
  const body = JSON.stringify({ type: 'suggestion.proposed', timestamp: '2026-12-02T10:00:00.000Z', data: { id: 'x' } });
  const now = Math.floor(Date.now() / 1000);

  it('verifies with the public Standard Webhooks verifier', () => {
    const secret = newSecret();
    const headers = signedHeaders(secret, 'msg_1', now, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('fails with another secret or another body', () => {
    const headers = signedHeaders(newSecret(), 'msg_1', now, body);
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
    const secret = newSecret();
    expect(() => new Webhook(secret).verify(body.replace('x', 'y'), signedHeaders(secret, 'msg_1', now, body))).toThrow(
      WebhookVerificationError,
    );
  });
});
