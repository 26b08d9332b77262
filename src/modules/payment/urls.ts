/** URLs of the payment step (German segments like the assistant's). */
export const paymentUrl = (tenant: string, assistant: string, reference: string) =>
  `/${tenant}/antrag/${assistant}/zahlung/${reference}`;
export const paymentReturnUrl = (tenant: string, assistant: string, reference: string) =>
  `${paymentUrl(tenant, assistant, reference)}/zurueck`;
/** Where providers post notifications (per tenant: the tenant's provider credentials verify them). */
export const notificationUrl = (tenant: string) => `/zahlung/benachrichtigung/${tenant}`;
export const adminPaymentsUrl = (tenant: string) => `/admin/${tenant}/zahlungen`;
