/**
 * Uploads for form assistants (issue 3, item 6; reliability F-14/15/16). A form-step route calls
 *
 *   const form = await readMultipartForm(request, deps, { tenantId, draftId, fileFields: fields.map(fileFieldLimits) });
 *
 * and gets text values, stored FileMeta per field and German messages for rejected files. Files are
 * checked by content, encrypted at rest under a random key and downloaded only as attachments.
 */
export { createUploadCleanupJob, removeAbandonedUploads } from './cleanup-job.ts';
export { sendDownload } from './download.ts';
export { attachmentDisposition, sanitizeFilename } from './filename.ts';
export { DEFAULT_MAX_FILES, fileFieldLimits } from './limits.ts';
export { uploadMessages } from './messages.ts';
export {
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_MAX_TEXT_BYTES,
  type MultipartForm,
  type MultipartFormOptions,
  readMultipartForm,
  registerUploads,
  type UploadFieldLimits,
} from './multipart.ts';
export { attachToSubmission, deleteUploadsOfDraft, loadUpload, type UploadMeta } from './repository.ts';
export { pdfHasActiveContent, SNIFFABLE_TYPES, sniffType } from './sniff.ts';
export { uploadsRoot } from './storage.ts';
