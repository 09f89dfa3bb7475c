-- Schema version 6: what linking compares of an event's sources beyond their countries
-- (clusters/link.py Mention.source_actors): each coded source as "country/sector", the state's
-- sectors as STATE, "country/" for a country alone. An older store is clustered again on
-- upgrade, which fills the column.

ALTER TABLE event_clusters ADD COLUMN source_actors VARCHAR[];
