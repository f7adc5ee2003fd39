-- A provider's places used this month (referrals it holds, or held to their end, claimed
-- since the month began, per need): counted by claims near the limit, the board and
-- `myCapacity` (`api/src/referrals/capacity.rs`, `USED`). An index-only range scan of this
-- month's claims instead of every referral the provider ever held. Only claims and
-- transfers change these columns, and they already change `holder_id`, which other
-- indexes read: no update that was HOT stops being so, and a referral nobody claimed
-- yet has no entry.
CREATE INDEX referrals_holder_claimed ON referrals (holder_id, claimed_at)
    INCLUDE (need_categories) WHERE holder_id IS NOT NULL;
