import { describe, expect, it } from 'vitest';
import { redactRecord, REDACTED } from './redact.js';

describe('log redaction', () => {
  it('hides two-step secrets, recovery codes and pending tokens at any depth', () => {
    const record = {
      user: 7,
      setup: { secret: 'JBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' },
      row: { totp_secret: 'JBSWY3DPEHPK3PXP', recovery_codes: ['k7m2p-xq9ra'], pending_token: 'abc' },
      body: { password: 'x', current_password: 'y' },
    };
    expect(redactRecord(record)).toEqual({
      user: 7,
      setup: { secret: REDACTED, otpauth_uri: REDACTED },
      row: { totp_secret: REDACTED, recovery_codes: REDACTED, pending_token: REDACTED },
      body: { password: REDACTED, current_password: REDACTED },
    });
  });

  it('still masks phone numbers and leaves other values alone', () => {
    expect(redactRecord({ wa_id: '5563999991234', msg: 'sent', count: 3 })).toEqual({ wa_id: '5563*******34', msg: 'sent', count: 3 });
  });
});
