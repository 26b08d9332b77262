/** The PDF's own wording; the answers come in the assistant's wording. */
export interface PdfTexts {
  application: string;
  version: string;
  reference: string;
  submittedAt: string;
  clock: string;
  payment: string;
  paymentStatus: string;
  amount: string;
  cashReference: string;
  paymentMethod: string;
  fees: string;
  total: string;
  answers: string;
  attachments: string;
  noAttachments: string;
  none: string;
  checksum: string;
  machineReadable: string;
  machineReadableText: (files: string) => string;
  page: (page: number, pages: number) => string;
  statuses: Record<string, string>;
}

const de: PdfTexts = {
  application: 'Antrag',
  version: 'Version',
  reference: 'Referenznummer',
  submittedAt: 'Eingegangen am',
  clock: 'Uhr',
  payment: 'Zahlung',
  paymentStatus: 'Status',
  amount: 'Betrag',
  cashReference: 'Kassenzeichen',
  paymentMethod: 'Zahlungsart',
  fees: 'Gebühren',
  total: 'Summe',
  answers: 'Ihre Angaben',
  attachments: 'Anlagen',
  noAttachments: 'Keine Anlagen',
  none: 'Keine Angabe',
  checksum: 'SHA-256',
  machineReadable: 'Maschinenlesbare Daten',
  machineReadableText: (files) =>
    `Die Angaben dieses Antrags sind dieser PDF-Datei als Dateianhang beigefügt: ${files}. ` +
    'Sie können mit einem PDF-Programm geöffnet oder automatisch verarbeitet werden.',
  page: (page, pages) => `Seite ${page} von ${pages}`,
  statuses: {
    PAYED: 'Bezahlt',
    PAID: 'Bezahlt',
    INITIAL: 'Ausstehend',
    PENDING: 'Ausstehend',
    FAILED: 'Fehlgeschlagen',
    CANCELED: 'Abgebrochen',
    CANCELLED: 'Abgebrochen',
  },
};

const en: PdfTexts = {
  application: 'Application',
  version: 'Version',
  reference: 'Reference number',
  submittedAt: 'Received on',
  clock: '',
  payment: 'Payment',
  paymentStatus: 'Status',
  amount: 'Amount',
  cashReference: 'Payment reference (Kassenzeichen)',
  paymentMethod: 'Payment method',
  fees: 'Fees',
  total: 'Total',
  answers: 'Your details',
  attachments: 'Attachments',
  noAttachments: 'No attachments',
  none: 'Not provided',
  checksum: 'SHA-256',
  machineReadable: 'Machine-readable data',
  machineReadableText: (files) =>
    `The details of this application are attached to this PDF file: ${files}. ` +
    'They can be opened with a PDF program or processed automatically.',
  page: (page, pages) => `Page ${page} of ${pages}`,
  statuses: {
    PAYED: 'Paid',
    PAID: 'Paid',
    INITIAL: 'Pending',
    PENDING: 'Pending',
    FAILED: 'Failed',
    CANCELED: 'Cancelled',
    CANCELLED: 'Cancelled',
  },
};

export function pdfTexts(lang: 'de' | 'en'): PdfTexts {
  return lang === 'en' ? en : de;
}
