import type { AssistantDefinition, Field, Language } from '../../../definition/types.ts';
import type { Answers, AnswerValue, CodeListSource, FieldError, RawValue } from '../../../engine/index.ts';

/** What every field view gets: the field, its form name, what was typed or stored, and the page's errors. */
export interface FieldViewProps<F extends Field = Field> {
  field: F;
  /** Form name, e.g. `geburtsdatum` or `hunde[1][name]`. */
  name: string;
  raw: RawValue | undefined;
  answer: AnswerValue;
  page: PageFacts;
}

/** Facts shared by all fields of one step page. */
export interface PageFacts {
  def: AssistantDefinition;
  answers: Answers;
  today: string;
  lang: Language;
  codeLists?: CodeListSource;
  /** Errors by form name (`FieldError.name`). */
  errors: Map<string, FieldError>;
  /** Ids of top-level fields that were pre-filled and are shown read-only. */
  locked: Set<string>;
  /** Where a locked value came from, by field id (e.g. "Aus Ihrem Nutzerkonto (BundID, eID) übernommen"). */
  lockedNotes?: Map<string, string>;
}
