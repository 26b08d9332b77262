export { createDraftExpiryJob, expireDrafts } from './expire-drafts.ts';
