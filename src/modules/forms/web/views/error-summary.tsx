import {
  ErrorSummary as PlatformErrorSummary,
  type SummaryError,
} from '../../../../platform/render/components/error-summary.tsx';
import type { Language } from '../../definition/types.ts';
import { tx } from '../texts.ts';

export type { SummaryError };

/** The assistant's error summary (platform component) with the title in the page's language. */
export function ErrorSummary({ errors, lang }: { errors: SummaryError[]; lang: Language }) {
  if (errors.length === 0) return null;
  const title = errors.length === 1 ? tx(lang, 'errorCount1') : tx(lang, 'errorCountN', { n: errors.length });
  return <PlatformErrorSummary title={title} errors={errors} />;
}
