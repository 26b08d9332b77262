-- When the Fachverfahren last registered its public keys at a FIT destination (issue 6): the municipality's
-- admin page (/admin/{tenant}/fit-zustellpunkte) shows it. `updated_at` also changes with the callback, so it
-- cannot tell. Destinations that already have both keys take their last update time, the best record there is.
alter table fit_destinations add column keys_registered_at timestamptz;

update fit_destinations
set keys_registered_at = updated_at
where encryption_jwk is not null and signing_jwk is not null;
