import { formatBytes } from '../engine/format.ts';
import { TYPE_NAMES } from './sniff.ts';

/** German messages shown next to a file field or on the error page. */
export const uploadMessages = {
  tooLarge: (name: string, maxBytes: number) =>
    `Die Datei „${name}“ ist größer als ${formatBytes(maxBytes)}. Bitte laden Sie eine kleinere Datei hoch.`,
  wrongType: (name: string, accept: readonly string[]) =>
    `Die Datei „${name}“ hat kein erlaubtes Format. Erlaubt sind: ${accept.map((t) => TYPE_NAMES[t] ?? t).join(', ')}.`,
  activeContent: (name: string) =>
    `Die Datei „${name}“ enthält ausführbare Inhalte (JavaScript) und kann nicht angenommen werden. Bitte speichern Sie sie ohne diese Inhalte, zum Beispiel über „Drucken als PDF“.`,
  empty: (name: string) => `Die Datei „${name}“ ist leer. Bitte wählen Sie eine andere Datei.`,
  tooMany: (max: number) =>
    max === 1 ? 'Sie können hier nur eine Datei hochladen.' : `Sie können hier höchstens ${max} Dateien hochladen.`,
  requestTooLarge: (maxBytes: number) =>
    `Die gesendeten Daten sind größer als ${formatBytes(maxBytes)}. Bitte laden Sie kleinere Dateien hoch oder verteilen Sie sie auf mehrere Schritte.`,
  textTooLong: 'Eine Ihrer Eingaben ist zu lang. Bitte kürzen Sie den Text und senden Sie das Formular erneut.',
  tooManyFields: 'Das Formular enthält zu viele Angaben und konnte nicht verarbeitet werden.',
  malformed: 'Die gesendeten Daten waren unvollständig oder fehlerhaft. Bitte senden Sie das Formular erneut.',
} as const;
