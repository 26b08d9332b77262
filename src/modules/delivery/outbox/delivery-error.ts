/**
 * A failed delivery attempt as a connector reports it: whether another attempt may help, and a reason for
 * operators. The reason must not contain personal data (status codes, error codes, the receiver's excerpt).
 */
export class DeliveryAttemptError extends Error {
  override readonly name = 'DeliveryAttemptError';

  constructor(
    reason: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}
