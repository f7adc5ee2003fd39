-- Claims near a provider's monthly limit, between their count and the projection of their
-- events (`api/src/referrals/capacity.rs`): a claim counts the holds of its provider's
-- other claims, in any process, as places taken. Not a read model: a hold is deleted when
-- its claim is answered, and one left by a process that died stops counting after a
-- minute.
CREATE TABLE capacity_holds
(
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL,
    referral_id     uuid        NOT NULL,
    taken_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX capacity_holds_organization ON capacity_holds (organization_id);
