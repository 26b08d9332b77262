import { describe, expect, it } from 'vitest';
import { classifyResponse } from '../../src/modules/delivery/webhook/classify-response.ts';
import { OutboundUrlRefusedError } from '../../src/platform/net/guarded-fetch.ts';

const networkError = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

describe('classifyResponse (F-05, F-06)', () => {
  it.each([
    [200, 'delivered'],
    [201, 'delivered'],
    [204, 'delivered'],
    [301, 'permanent'],
    [302, 'permanent'],
    [307, 'permanent'],
    [400, 'permanent'],
    [401, 'permanent'],
    [403, 'permanent'],
    [404, 'permanent'],
    [408, 'retryable'],
    [409, 'permanent'],
    [413, 'permanent'],
    [422, 'permanent'],
    [429, 'retryable'],
    [500, 'retryable'],
    [502, 'retryable'],
    [503, 'retryable'],
    [504, 'retryable'],
  ])('HTTP %i → %s', (status, outcome) => {
    expect(classifyResponse(status)).toBe(outcome);
  });

  it.each([
    ['ECONNREFUSED', networkError('ECONNREFUSED'), 'retryable'],
    ['ECONNRESET', networkError('ECONNRESET'), 'retryable'],
    ['a timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'retryable'],
    ['an abort', new DOMException('aborted', 'AbortError'), 'retryable'],
    ['a refused private target', new OutboundUrlRefusedError('forbidden_address', '10.0.0.5'), 'permanent'],
    ['a refused scheme', new OutboundUrlRefusedError('scheme', 'ftp'), 'permanent'],
    ['a host that does not resolve (yet)', new OutboundUrlRefusedError('unresolvable', 'x'), 'retryable'],
  ])('%s → %s', (_label, error, outcome) => {
    expect(classifyResponse(error)).toBe(outcome);
  });
});
