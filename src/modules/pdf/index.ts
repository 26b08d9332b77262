/** The application PDF: what a submission looks like on paper, with its data embedded. */
export { renderApplicationPdf } from './render-application-pdf.ts';
export type { ApplicationPdfInput, PdfAttachment, PdfPayment } from './types.ts';
