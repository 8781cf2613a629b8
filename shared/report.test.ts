import { describe, expect, it } from 'vitest';
import { reportInputSchema } from './report.js';

describe('a report url (issue 26, item 7)', () => {
  it('is http or https only: a javascript:, data: or file: url is refused, saying so', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'ftp://x.example/a',
    ]) {
      const result = reportInputSchema.safeParse({ text: 'x', url });
      expect(result.success, url).toBe(false);
      expect(result.error?.issues[0].message).toBe('url must be an http or https URL');
    }
    for (const url of ['https://news.example/a?b=1', 'http://news.example/'])
      expect(reportInputSchema.safeParse({ text: 'x', url }).success, url).toBe(true);
  });
});
