-- Referrals: the per-person data keys (kept apart from the log, deleted on erasure), case
-- numbers, and the anonymised referral read model.

CREATE TABLE beneficiary_keys
(
    referral_id uuid PRIMARY KEY,
    nonce       text        NOT NULL,
    wrapped_key text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One counter per office and year; a number taken by a refused command is simply skipped.
CREATE TABLE case_number_counters
(
    office_id uuid    NOT NULL,
    year      integer NOT NULL,
    last      bigint  NOT NULL,
    PRIMARY KEY (office_id, year)
);

CREATE TABLE referrals
(
    id               uuid PRIMARY KEY,
    case_number      text        NOT NULL UNIQUE,
    office_id        uuid        NOT NULL,
    created_by       uuid        NOT NULL,
    status           text        NOT NULL,
    beneficiary_type text        NOT NULL,
    return_country   text,
    governorate      text        NOT NULL,
    district         text,
    sex              text        NOT NULL,
    age_band         text        NOT NULL,
    household_size   integer     NOT NULL,
    vulnerabilities  text[]      NOT NULL,
    need_categories  text[]      NOT NULL,
    needs            jsonb       NOT NULL, -- [{category, priority, delivered}]
    top_priority     integer     NOT NULL, -- 1 high, 2 medium, 3 low
    consent          jsonb       NOT NULL,
    holder_id        uuid,
    former_holders   uuid[]      NOT NULL DEFAULT '{}',
    nrm_caseworkers  uuid[]      NOT NULL DEFAULT '{}',
    provider_staff   uuid[]      NOT NULL DEFAULT '{}',
    results          jsonb,
    next_follow_up   date,
    escalated        boolean     NOT NULL DEFAULT false,
    erased           boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    opened_at        timestamptz,
    claimed_at       timestamptz,
    closed_at        timestamptz,
    updated_at       timestamptz NOT NULL,
    version          bigint      NOT NULL
);
CREATE INDEX referrals_board ON referrals (status, governorate, opened_at);
CREATE INDEX referrals_office ON referrals (office_id, created_at DESC);
CREATE INDEX referrals_holder ON referrals (holder_id, status);
CREATE INDEX referrals_needs ON referrals USING gin (need_categories);
