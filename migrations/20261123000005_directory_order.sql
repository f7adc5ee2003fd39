-- The directory is read in Arabic-name order, with keyset pagination on (name_ar, id).
CREATE INDEX organizations_by_name ON organizations (name_ar, id);
