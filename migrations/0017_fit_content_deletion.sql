-- FIT submissions keep no content once the subscriber decided (issue 6). FIT-Connect's Zustelldienst deletes a
-- submission's content after it was fetched and confirmed; SAC deletes the ciphertexts (metadata, data,
-- attachments) in the transaction that records the accept-submission or reject-submission SET, and those of
-- submissions nobody confirmed after SAC_FIT_UNCONFIRMED_DAYS (job `fit.delete-unconfirmed`). The row, its
-- status, the announced attachment ids and the event log (the SETs, the proof of delivery) stay.

-- When the content was deleted; null while it is still there.
alter table fit_submissions add column content_deleted_at timestamptz;

-- Submissions decided before this migration: their content goes now, as it would have at the decision.
update fit_submissions
set encrypted_metadata = null, encrypted_data = null, content_deleted_at = coalesce(decided_at, now())
where status in ('accepted', 'rejected');
delete from fit_attachments a
using fit_submissions s
where a.submission_id = s.id and s.status in ('accepted', 'rejected');

-- The retention sweep looks for unconfirmed submissions by age.
create index fit_submissions_unconfirmed_idx on fit_submissions (created_at)
where content_deleted_at is null and status in ('incomplete', 'submitted');
