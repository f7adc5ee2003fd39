-- The board reads only open referrals, in waiting order, filtered by governorate and need:
-- a small partial index that carries those columns answers it without touching the
-- table, however many closed referrals the table holds.
CREATE INDEX referrals_open ON referrals (opened_at, id) INCLUDE (governorate, need_categories)
    WHERE status = 'open';
