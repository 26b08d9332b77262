-- Identity wiring (issue 4): whose session is it? "Auf allen Geräten abmelden" deletes every session of
-- one subject (e.g. `citizen:<account id>`); anonymous sessions have none.
alter table sessions add column subject text;
create index sessions_subject_idx on sessions (subject) where subject is not null;
