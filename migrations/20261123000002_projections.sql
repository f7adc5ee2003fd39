-- The read side: checkpoints of the catch-up projector and the first read models.

CREATE TABLE projection_checkpoints
(
    name       text PRIMARY KEY,
    tx_id      bigint      NOT NULL DEFAULT 0,
    position   bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The organisation directory.
CREATE TABLE organizations
(
    id               uuid PRIMARY KEY,
    kind             text        NOT NULL,
    name_ar          text        NOT NULL,
    name_en          text        NOT NULL,
    governorates     text[]      NOT NULL,
    status           text        NOT NULL,
    suspended_reason text,
    registered_at    timestamptz NOT NULL,
    verified_at      timestamptz,
    updated_at       timestamptz NOT NULL,
    version          bigint      NOT NULL
);
CREATE INDEX organizations_kind ON organizations (kind);
CREATE INDEX organizations_status ON organizations (status);
CREATE INDEX organizations_governorates ON organizations USING gin (governorates);

CREATE TABLE organization_members
(
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         uuid        NOT NULL,
    username        text        NOT NULL,
    display_name    text        NOT NULL,
    role            text        NOT NULL,
    added_at        timestamptz NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE UNIQUE INDEX organization_members_user ON organization_members (user_id);

CREATE TABLE organization_services
(
    organization_id  uuid    NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    category         text    NOT NULL,
    governorates     text[]  NOT NULL,
    monthly_capacity integer NOT NULL,
    PRIMARY KEY (organization_id, category)
);
CREATE INDEX organization_services_governorates ON organization_services USING gin (governorates);
