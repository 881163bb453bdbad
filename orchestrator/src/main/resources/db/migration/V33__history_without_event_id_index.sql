-- No statement looks a transition up by its event_id, and event ids are unique by construction (generated once per
-- transition, 74 of their bits from SecureRandom; see EventIds). Their unique index was a second index entry and a
-- uniqueness probe on every history row: about a third of a history row's insert in PostgreSQL.
alter table withdrawal_transitions drop constraint withdrawal_transitions_event_id_key;
