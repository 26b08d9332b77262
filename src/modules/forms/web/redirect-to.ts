import type { AssistantDefinition } from '../definition/types.ts';
import type { NextPage } from './next-page.ts';
import { checkUrl, consentUrl, RETURN_TO_CHECK, stepUrl } from './urls.ts';

/** URL of a page of the draft; steps reached from the check page keep `?zurueck=pruefen`. */
export function pageUrl(
  tenant: string,
  def: AssistantDefinition,
  draftId: string,
  page: NextPage,
  returnToCheck = false,
): string {
  if (page.kind === 'consent') return consentUrl(tenant, def.id, draftId);
  if (page.kind === 'check') return checkUrl(tenant, def.id, draftId);
  const url = stepUrl(tenant, def.id, draftId, page.stepId);
  return returnToCheck ? `${url}?${RETURN_TO_CHECK}` : url;
}
