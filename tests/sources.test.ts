/** What a reader cites: a report's original address is a link only when it is http(s); the build time reads as a time. */
import { describe, expect, it } from 'vitest';
import { formatBuiltAt } from '../src/lib/app/built-at';
import { httpUrl } from '../src/lib/app/urls';

describe('httpUrl', () => {
  it('keeps absolute http and https addresses', () => {
    expect(httpUrl('https://www.pingtan.gov.cn/zwgk/t20200117_80569.htm')).toBe('https://www.pingtan.gov.cn/zwgk/t20200117_80569.htm');
    expect(httpUrl(' http://example.gov.cn/a?b=1 ')).toBe('http://example.gov.cn/a?b=1');
  });

  it('refuses every other scheme, relative paths and text', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:x', '/zwgk/a.htm', 'www.example.gov.cn', '原文链接', '']) {
      expect(httpUrl(url), url).toBeNull();
    }
    expect(httpUrl(null)).toBeNull();
  });
});

describe('formatBuiltAt', () => {
  it('writes the manifest time to the minute, in UTC', () => {
    expect(formatBuiltAt('2026-12-04T23:59:22Z')).toBe('2026-12-04 23:59 UTC');
    expect(formatBuiltAt('2026-01-31T08:15:00.123Z')).toBe('2026-01-31 08:15 UTC');
    expect(formatBuiltAt(undefined)).toBeNull();
  });
});
