import { describe, expect, it } from 'vitest';
import type { UserConfig } from 'vite';
import viteConfig from '../../vite.config';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

describe('the Content-Security-Policy', () => {
  it('that `vite preview` sends (e2e and bench run under it) is the one the app:// handler sends', () => {
    const config: UserConfig = viteConfig({
      mode: 'web',
      command: 'serve',
      isSsrBuild: false,
      isPreview: true,
    });
    expect(config.preview?.headers?.['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows nothing by default and no inline or remote script', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-eval'/);
  });
});
