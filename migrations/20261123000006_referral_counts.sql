-- Indicators without scanning every referral: how many referrals there are per
-- status × governorate × need, kept by the referrals read model as each event moves a
-- referral from one cell to another. Filled here from the rows projected so far, so it
-- agrees with the referrals table at the checkpoint they share.
CREATE TABLE referral_counts
(
    status      text   NOT NULL,
    governorate text   NOT NULL,
    need        text   NOT NULL,
    n           bigint NOT NULL,
    PRIMARY KEY (status, governorate, need)
);

INSERT INTO referral_counts (status, governorate, need, n)
SELECT status, governorate, need, count(*)
  FROM referrals, unnest(need_categories) AS need
 GROUP BY status, governorate, need;
