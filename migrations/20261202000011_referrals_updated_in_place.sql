-- Four of a referral's commands in six (accept, start, record a delivery, close) change
-- only columns that no index reads; PostgreSQL then updates the row in place (a HOT
-- update: no new entry in any index) when its page has room. Every index that read
-- `status` made each of those updates write an entry in all six indexes and their WAL.
--
-- Whether a referral is on the board is a column of its own, so the board's partial index
-- no longer reads `status`; it changes only when a referral is opened, claimed, declined
-- or withdrawn.
ALTER TABLE referrals ADD COLUMN on_board boolean GENERATED ALWAYS AS (status = 'open') STORED;

DROP INDEX referrals_open;
CREATE INDEX referrals_open ON referrals (opened_at, id) INCLUDE (governorate, need_categories)
    WHERE on_board;

-- `category = ANY(need_categories)`, the only way the read side asks, cannot use a GIN
-- index: nothing ever read this one.
DROP INDEX referrals_needs;

-- The board and the SLA read open referrals through referrals_open; the lists read an
-- office's, a holder's or (the Secretariat) everyone's referrals newest first.
DROP INDEX referrals_board;
DROP INDEX referrals_holder;
CREATE INDEX referrals_holder ON referrals (holder_id, created_at DESC);
CREATE INDEX referrals_recent ON referrals (created_at DESC, id DESC);

-- Room in each page for the row's next versions.
ALTER TABLE referrals SET (fillfactor = 80);
