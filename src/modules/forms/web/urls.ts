/** The assistant's German URL segments, in one place so links and routes agree. */
export const SEGMENTS = {
  antrag: 'antrag',
  consent: 'einwilligung',
  check: 'pruefen',
  submit: 'absenden',
  receipt: 'eingang',
  resume: 'fortsetzen',
} as const;

/** Query flag on a step URL: after "Weiter", go back to the check page. */
export const RETURN_TO_CHECK = 'zurueck=pruefen';

export const startUrl = (tenant: string, assistant: string) => `/${tenant}/antrag/${assistant}`;
export const draftUrl = (tenant: string, assistant: string, draftId: string) =>
  `${startUrl(tenant, assistant)}/${draftId}`;
export const stepUrl = (tenant: string, assistant: string, draftId: string, stepId: string) =>
  `${draftUrl(tenant, assistant, draftId)}/${stepId}`;
export const consentUrl = (tenant: string, assistant: string, draftId: string) =>
  `${draftUrl(tenant, assistant, draftId)}/${SEGMENTS.consent}`;
export const checkUrl = (tenant: string, assistant: string, draftId: string) =>
  `${draftUrl(tenant, assistant, draftId)}/${SEGMENTS.check}`;
export const submitUrl = (tenant: string, assistant: string, draftId: string) =>
  `${draftUrl(tenant, assistant, draftId)}/${SEGMENTS.submit}`;
export const receiptUrl = (tenant: string, assistant: string, reference: string) =>
  `${startUrl(tenant, assistant)}/${SEGMENTS.receipt}/${reference}`;
export const resumeUrl = (tenant: string, token: string) => `/${tenant}/antrag/${SEGMENTS.resume}/${token}`;
