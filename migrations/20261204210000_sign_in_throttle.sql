-- Sign-in throttle: one row per source, (account, address) and address. An attempt
-- reserves a password check on its rows before the password is checked (under an
-- advisory lock per address), so concurrent attempts cannot check more passwords than
-- the limit; a right password clears its (account, address) row. Past the limit a
-- source waits, twice as long after each further failure.
CREATE TABLE sign_in_throttle
(
    -- 'pair:<username>|<address>', 'address:<address>', or 'account:<username>' (failures
    -- from every address, counted for alerts only: an account is never slowed)
    key           text PRIMARY KEY,
    failures      integer     NOT NULL,
    last_attempt  timestamptz NOT NULL,
    blocked_until timestamptz
);
