-- Catalog: a popularity weight for "top services" on portals and as a tie-breaker in search ranking
-- (e.g. "Hundehaltung Anmeldung" before "Hundehaltung Abmeldung" when both match equally well).
alter table services add column popularity integer not null default 0;
create index services_popularity_idx on services (popularity desc) where popularity > 0;
