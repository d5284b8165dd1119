import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../src/config/city-profile.js';
import { privacyPageHtml } from '../../src/http/public/privacy.routes.js';
import { fromRoot } from '../../src/platform/paths.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp({ env: { MESSAGE_RETENTION_MONTHS: '18' } });

describe('the privacy notice page', () => {
  it('is public, in Portuguese, promises the retention actually configured and tells how to exercise each right', async () => {
    const response = await fetch(`${testApp().url}/privacidade`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain('<h1>Privacidade no Whats Palmas</h1>');
    expect(html).toContain('(63) 3212-7500');
    expect(html).toContain('apagado depois de 18 meses');
    expect(html).toContain('Envie <strong>meus dados</strong>');
    expect(html).toContain('ouvidoria@palmas.to.gov.br');
    expect(html).not.toContain('<script');
  });

  it('escapes whatever the city texts hold, and says so when messages are kept with no limit', () => {
    const city = loadCityProfile(fromRoot('city', 'palmas'));
    const hostile = { ...city, texts: { ...city.texts, 'privacyPage.intro': '<script>alert(1)</script> *ok*' } };
    const html = privacyPageHtml({ city: hostile, retentionMonths: 0 });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; <strong>ok</strong>');
    expect(html).toContain('guardado enquanto for necessário');
  });
});
