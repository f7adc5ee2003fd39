//! The organisation directory: organisations, their members and the services they offer.
//! Tables: `organizations`, `organization_members`, `organization_services`.
//!
//! A batch loads every organisation it touches (with members and services), applies the
//! events in memory and writes each touched organisation back once; members and services
//! of an organisation whose lists changed are rewritten whole.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use domain::organization::OrganizationEvent as Ev;
use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use sqlx::PgConnection;
use uuid::Uuid;

pub mod queries;
mod row;

pub use row::{OrganizationRecord, ORGANIZATION_COLUMNS};

use crate::rows::Table;
use crate::{log, Projection, ProjectionError, Stage, Staged, StoredEvent};

#[derive(Default)]
pub struct Directory {
    /// The batch being applied verified, suspended or reinstated an organisation or
    /// changed a membership.
    changed_access: AtomicBool,
    /// The batch being applied offered, changed or withdrew a service.
    changed_offers: AtomicBool,
}

/// Whether an event changes what an organisation's members may do.
fn changes_access(event: &Ev) -> bool {
    matches!(
        event,
        Ev::Verified { .. }
            | Ev::Suspended { .. }
            | Ev::Reinstated { .. }
            | Ev::MemberAdded { .. }
            | Ev::MemberRoleChanged { .. }
            | Ev::MemberRemoved { .. }
    )
}

/// Whether an event changes what an organisation offers where.
fn changes_offers(event: &Ev) -> bool {
    matches!(
        event,
        Ev::ServiceOffered { .. } | Ev::ServiceUpdated { .. } | Ev::ServiceWithdrawn { .. }
    )
}

const ORGANIZATIONS: Table = Table {
    name: "organizations",
    columns: &[
        "id",
        "kind",
        "name_ar",
        "name_en",
        "governorates",
        "status",
        "suspended_reason",
        "registered_at",
        "verified_at",
        "updated_at",
        "version",
    ],
    key: &["id"],
};

#[derive(Debug, Clone, Serialize, Deserialize)]
struct OrganizationRow {
    id: Uuid,
    kind: String,
    name_ar: String,
    name_en: String,
    governorates: Vec<String>,
    status: String,
    suspended_reason: Option<String>,
    registered_at: DateTime<Utc>,
    verified_at: Option<DateTime<Utc>>,
    updated_at: DateTime<Utc>,
    version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct MemberRow {
    organization_id: Uuid,
    user_id: Uuid,
    username: String,
    display_name: String,
    role: String,
    added_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct ServiceRow {
    organization_id: Uuid,
    category: String,
    governorates: Vec<String>,
    monthly_capacity: i32,
}

/// One organisation as the batch changes it.
#[derive(Default)]
struct Entry {
    row: Option<OrganizationRow>,
    changed: bool,
    members: Vec<MemberRow>,
    members_changed: bool,
    services: Vec<ServiceRow>,
    services_changed: bool,
}

fn govs(set: &BTreeSet<domain::values::Governorate>) -> Vec<String> {
    set.iter().map(|g| g.code().to_string()).collect()
}

impl Entry {
    fn apply(&mut self, id: Uuid, e: &StoredEvent, event: Ev) {
        let at = e.occurred_at();
        if let Ev::Registered {
            kind,
            name_ar,
            name_en,
            governorates,
            ..
        } = event
        {
            self.row = Some(OrganizationRow {
                id,
                kind: kind.as_str().to_string(),
                name_ar: name_ar.as_str().to_string(),
                name_en: name_en.as_str().to_string(),
                governorates: govs(&governorates),
                status: "pending".into(),
                suspended_reason: None,
                registered_at: at,
                verified_at: None,
                updated_at: at,
                version: e.sequence,
            });
            self.changed = true;
            return;
        }
        // Events of an organisation the directory never saw registered change nothing.
        let Some(row) = self.row.as_mut() else {
            return;
        };
        match event {
            Ev::Registered { .. } => {}
            Ev::ProfileUpdated {
                name_ar,
                name_en,
                governorates,
            } => {
                row.name_ar = name_ar.as_str().to_string();
                row.name_en = name_en.as_str().to_string();
                row.governorates = govs(&governorates);
            }
            Ev::Verified { .. } => {
                row.status = "verified".into();
                row.verified_at = Some(at);
            }
            Ev::Suspended { reason } => {
                row.status = "suspended".into();
                row.suspended_reason = Some(reason);
            }
            Ev::Reinstated { .. } => {
                row.suspended_reason = None;
                row.status = if row.verified_at.is_some() {
                    "verified"
                } else {
                    "pending"
                }
                .into();
            }
            Ev::MemberAdded {
                user_id,
                username,
                display_name,
                role,
            } => {
                self.members.retain(|m| m.user_id != user_id);
                self.members.push(MemberRow {
                    organization_id: id,
                    user_id,
                    username,
                    display_name: display_name.as_str().to_string(),
                    role: role.as_str().to_string(),
                    added_at: at,
                });
                self.members_changed = true;
            }
            Ev::MemberRoleChanged { user_id, role } => {
                for m in self.members.iter_mut().filter(|m| m.user_id == user_id) {
                    m.role = role.as_str().to_string();
                }
                self.members_changed = true;
            }
            Ev::MemberRemoved { user_id } => {
                self.members.retain(|m| m.user_id != user_id);
                self.members_changed = true;
            }
            Ev::ServiceOffered {
                category,
                governorates,
                monthly_capacity,
            }
            | Ev::ServiceUpdated {
                category,
                governorates,
                monthly_capacity,
            } => {
                let service = ServiceRow {
                    organization_id: id,
                    category: category.as_str().to_string(),
                    governorates: govs(&governorates),
                    monthly_capacity: monthly_capacity as i32,
                };
                match self
                    .services
                    .iter_mut()
                    .find(|s| s.category == service.category)
                {
                    Some(existing) => *existing = service,
                    None => self.services.push(service),
                }
                self.services_changed = true;
            }
            Ev::ServiceWithdrawn { category } => {
                self.services.retain(|s| s.category != category.as_str());
                self.services_changed = true;
            }
        }
        row.updated_at = at;
        row.version = e.sequence;
        self.changed = true;
    }
}

/// The organisations `ids`, their members and their services, in one round trip.
async fn load(
    conn: &mut PgConnection,
    ids: &[Uuid],
) -> Result<(Vec<OrganizationRow>, Vec<MemberRow>, Vec<ServiceRow>), sqlx::Error> {
    type Loaded = (
        Json<Vec<OrganizationRow>>,
        Json<Vec<MemberRow>>,
        Json<Vec<ServiceRow>>,
    );
    let (rows, members, services): Loaded = sqlx::query_as(
        "SELECT (SELECT coalesce(json_agg(row_to_json(t)), '[]') FROM organizations t WHERE id = ANY($1)),
                (SELECT coalesce(json_agg(row_to_json(t)), '[]') FROM organization_members t WHERE organization_id = ANY($1)),
                (SELECT coalesce(json_agg(row_to_json(t)), '[]') FROM organization_services t WHERE organization_id = ANY($1))",
    )
    // Planned afresh each time (see `rows::Table::load`).
    .persistent(false)
    .bind(ids)
    .fetch_one(&mut *conn)
    .await?;
    Ok((rows.0, members.0, services.0))
}

/// Writes the batch's organisations, and the member and service lists of those whose lists
/// changed, in one statement. The statement's parts touch disjoint rows, as they must: a
/// list's rows that remain are upserted, the others deleted, and a member who moved to
/// another organisation in the batch is moved, not deleted. The foreign keys are checked
/// at the end of the statement, when a new organisation's row is there. `None` when the
/// batch changes nothing.
fn write(
    organizations: &[OrganizationRow],
    member_orgs: &[Uuid],
    members: &[MemberRow],
    service_orgs: &[Uuid],
    services: &[ServiceRow],
) -> Result<Option<Staged>, sqlx::Error> {
    static PARTS: LazyLock<String> = LazyLock::new(|| {
        format!(
            "organizations_written AS ({organizations}),
             members_gone AS (
                 DELETE FROM organization_members
                  WHERE organization_id = ANY($2) AND user_id <> ALL($3)
             ), services_gone AS (
                 DELETE FROM organization_services s
                  WHERE organization_id = ANY($4)
                    AND NOT EXISTS (SELECT 1 FROM jsonb_populate_recordset(NULL::organization_services, $6) n
                                     WHERE n.organization_id = s.organization_id AND n.category = s.category)
             ), members_written AS (
                 INSERT INTO organization_members (organization_id, user_id, username, display_name, role, added_at)
                 SELECT organization_id, user_id, username, display_name, role, added_at
                   FROM jsonb_populate_recordset(NULL::organization_members, $5)
                 ON CONFLICT (user_id) DO UPDATE
                    SET (organization_id, username, display_name, role, added_at) =
                        ROW(EXCLUDED.organization_id, EXCLUDED.username, EXCLUDED.display_name, EXCLUDED.role, EXCLUDED.added_at)
             ), services_written AS (
                 INSERT INTO organization_services (organization_id, category, governorates, monthly_capacity)
                 SELECT organization_id, category, governorates, monthly_capacity
                   FROM jsonb_populate_recordset(NULL::organization_services, $6)
                 ON CONFLICT (organization_id, category) DO UPDATE
                    SET (governorates, monthly_capacity) = ROW(EXCLUDED.governorates, EXCLUDED.monthly_capacity)
             )",
            organizations = ORGANIZATIONS.upsert_sql(1),
        )
    });
    if organizations.is_empty() && member_orgs.is_empty() && service_orgs.is_empty() {
        return Ok(None);
    }
    let user_ids: Vec<Uuid> = members.iter().map(|m| m.user_id).collect();
    Staged::new(PARTS.as_str())
        .bind(Json(organizations))?
        .bind(member_orgs)?
        .bind(&user_ids)?
        .bind(service_orgs)?
        .bind(Json(members))?
        .bind(Json(services))
        .map(Some)
}

#[async_trait::async_trait]
impl Projection for Directory {
    fn name(&self) -> &'static str {
        "directory"
    }

    async fn stage(
        &self,
        conn: &mut PgConnection,
        events: &[&StoredEvent],
    ) -> Result<Stage, ProjectionError> {
        let parsed = log::of_aggregate::<Ev>(events, domain::organization::AGGREGATE_TYPE)?;
        if parsed.is_empty() {
            return Ok(Stage::Nothing);
        }
        if parsed.iter().any(|(_, _, event)| changes_access(event)) {
            self.changed_access.store(true, Ordering::Release);
        }
        if parsed.iter().any(|(_, _, event)| changes_offers(event)) {
            self.changed_offers.store(true, Ordering::Release);
        }
        let mut ids: Vec<Uuid> = parsed.iter().map(|(_, id, _)| *id).collect();
        ids.sort_unstable();
        ids.dedup();

        let (rows, members, services) = load(conn, &ids).await?;
        let mut entries: HashMap<Uuid, Entry> = HashMap::with_capacity(ids.len());
        for row in rows {
            let id = row.id;
            entries.entry(id).or_default().row = Some(row);
        }
        for m in members {
            entries
                .entry(m.organization_id)
                .or_default()
                .members
                .push(m);
        }
        for s in services {
            entries
                .entry(s.organization_id)
                .or_default()
                .services
                .push(s);
        }

        for (e, id, event) in parsed {
            entries.entry(id).or_default().apply(id, e, event);
        }

        let mut organizations = Vec::new();
        let (mut member_orgs, mut members) = (Vec::new(), Vec::new());
        let (mut service_orgs, mut services) = (Vec::new(), Vec::new());
        for (id, entry) in entries {
            if !entry.changed {
                continue;
            }
            if let Some(row) = entry.row {
                organizations.push(row);
            }
            if entry.members_changed {
                member_orgs.push(id);
                members.extend(entry.members);
            }
            if entry.services_changed {
                service_orgs.push(id);
                services.extend(entry.services);
            }
        }
        let staged = write(
            &organizations,
            &member_orgs,
            &members,
            &service_orgs,
            &services,
        )?;
        Ok(staged.map_or(Stage::Nothing, Stage::Statement))
    }

    fn batch_begins(&self, _from: crate::Checkpoint) {
        self.changed_access.store(false, Ordering::Release);
        self.changed_offers.store(false, Ordering::Release);
    }

    fn batch_changes(&self) -> crate::BatchChanges {
        crate::BatchChanges {
            access: self.changed_access.load(Ordering::Acquire),
            offers: self.changed_offers.load(Ordering::Acquire),
        }
    }

    async fn reset(&self, conn: &mut PgConnection) -> Result<(), ProjectionError> {
        sqlx::query("TRUNCATE organizations, organization_members, organization_services")
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}
