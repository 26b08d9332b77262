// What the demo Fachverfahren tells the citizen, per assistant: one program plays the back end of every demo
// office, and a dog owner must not read that their certificate has been issued.

export interface FeedbackTexts {
  /** Status text for "in Bearbeitung". */
  inProgress: string;
  /** Status text for "abgeschlossen". */
  completed: string;
  /** The sentence in the closing message after "Ihr Antrag … ist bearbeitet." */
  outcome: string;
  /** Who signs the closing message. */
  office: string;
}

const byAssistant: Record<string, FeedbackTexts> = {
  urkundenbestellung: {
    inProgress: 'Das Standesamt bearbeitet Ihren Antrag.',
    completed: 'Die Urkunde ist ausgestellt und wird per Post versandt.',
    outcome: 'Die Urkunde wird Ihnen per Post zugesandt.',
    office: 'Ihr Standesamt',
  },
  hundeanmeldung: {
    inProgress: 'Die Steuerverwaltung bearbeitet Ihre Anmeldung.',
    completed: 'Ihr Hund ist angemeldet. Den Hundesteuerbescheid und die Steuermarke erhalten Sie per Post.',
    outcome: 'Den Hundesteuerbescheid und die Steuermarke senden wir Ihnen per Post zu.',
    office: 'Ihre Steuerverwaltung',
  },
  hundeabmeldung: {
    inProgress: 'Die Steuerverwaltung bearbeitet Ihre Abmeldung.',
    completed: 'Ihr Hund ist abgemeldet. Den Änderungsbescheid zur Hundesteuer erhalten Sie per Post.',
    outcome: 'Den Änderungsbescheid zur Hundesteuer senden wir Ihnen per Post zu.',
    office: 'Ihre Steuerverwaltung',
  },
  begruessungsgeld: {
    inProgress: 'Das Familienbüro bearbeitet Ihren Antrag.',
    completed: 'Das Begrüßungsgeld ist bewilligt und wird auf Ihr Konto überwiesen.',
    outcome: 'Das Begrüßungsgeld überweisen wir in den nächsten Tagen auf das angegebene Konto.',
    office: 'Ihr Familienbüro',
  },
  gewerbeanmeldung: {
    inProgress: 'Das Gewerbeamt bearbeitet Ihre Gewerbeanmeldung.',
    completed: 'Ihre Gewerbeanmeldung ist eingetragen. Die Empfangsbestätigung erhalten Sie per Post.',
    outcome: 'Die Empfangsbestätigung über Ihre Gewerbeanmeldung senden wir Ihnen per Post zu.',
    office: 'Ihr Gewerbeamt',
  },
};

const fallback: FeedbackTexts = {
  inProgress: 'Die Verwaltung bearbeitet Ihren Antrag.',
  completed: 'Ihr Antrag ist abschließend bearbeitet.',
  outcome: 'Weitere Unterlagen erhalten Sie, falls nötig, per Post.',
  office: 'Ihre Verwaltung',
};

/** The texts for a submission of `assistantId` (unknown or missing: neutral texts). */
export function textsFor(assistantId: string | undefined): FeedbackTexts {
  return assistantId && Object.hasOwn(byAssistant, assistantId) ? byAssistant[assistantId]! : fallback;
}
