/** Stable error codes. Each maps to an HTTP status and a German message a citizen understands. */
export const errorCatalog = {
  not_found: {
    status: 404,
    title: 'Seite nicht gefunden',
    detail: 'Die angeforderte Seite gibt es nicht oder nicht mehr.',
  },
  bad_request: { status: 400, title: 'Ungültige Anfrage', detail: 'Die Anfrage konnte nicht verarbeitet werden.' },
  validation: { status: 422, title: 'Ungültige Angaben', detail: 'Bitte prüfen Sie Ihre Angaben.' },
  csrf: {
    status: 403,
    title: 'Sitzung abgelaufen',
    detail:
      'Das Formular war zu lange geöffnet oder stammt aus einer anderen Sitzung. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
  },
  forbidden: { status: 403, title: 'Kein Zugriff', detail: 'Sie haben keinen Zugriff auf diese Seite.' },
  unauthorized: { status: 401, title: 'Anmeldung erforderlich', detail: 'Bitte melden Sie sich an.' },
  conflict: { status: 409, title: 'Konflikt', detail: 'Der Vorgang wurde zwischenzeitlich geändert.' },
  payload_too_large: { status: 413, title: 'Datei oder Eingabe zu groß', detail: 'Die gesendeten Daten sind zu groß.' },
  rate_limited: {
    status: 429,
    title: 'Zu viele Anfragen',
    detail: 'Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  },
  unavailable: {
    status: 503,
    title: 'Vorübergehend nicht verfügbar',
    detail: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.',
  },
  internal: {
    status: 500,
    title: 'Technischer Fehler',
    detail:
      'Es ist ein technischer Fehler aufgetreten. Ihre gespeicherten Angaben gehen dabei nicht verloren. Bitte versuchen Sie es später erneut.',
  },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

/** The one error type of SAC. `detail` overrides the catalogue text and is shown to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown; headers?: Record<string, string> }) {
    super(detail ?? errorCatalog[code].detail, { cause: options?.cause });
    this.code = code;
    this.status = errorCatalog[code].status;
    this.detail = detail ?? errorCatalog[code].detail;
    this.headers = options?.headers ?? {};
  }

  get title(): string {
    return errorCatalog[this.code].title;
  }
}

export const notFound = (detail?: string) => new AppError('not_found', detail);
