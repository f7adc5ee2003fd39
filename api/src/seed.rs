//! Demo data: the Secretariat, MoMD NRM offices in the focus governorates, providers,
//! companies and their people, all written as ordinary commands (so as events).

use std::collections::BTreeSet;

use domain::access::Actor;
use domain::organization::{Organization, OrganizationCommand, OrganizationProfile, ServiceTerms};
use domain::values::{Governorate, Name, OrganizationKind as K, Role, ServiceCategory as S};
use store::CommandContext;
use uuid::Uuid;

use crate::auth::accounts::{self, NewAccount};
use crate::errors::{ApiError, ApiResult};
use crate::state::AppState;

/// The password of every demo account. Demo databases only.
pub const DEMO_PASSWORD: &str = "sanad-demo-2026";

struct OrgSeed {
    slug: &'static str,
    kind: K,
    name_ar: &'static str,
    name_en: &'static str,
    governorates: &'static [&'static str],
    verified: bool,
    services: &'static [(S, &'static [&'static str], u32)],
    people: &'static [(&'static str, &'static str, Role)],
}

const ORGS: &[OrgSeed] = &[
    OrgSeed {
        slug: "secretariat",
        kind: K::Secretariat,
        name_ar: "الأمانة العامة لمجلس الوزراء",
        name_en: "General Secretariat of the Council of Ministers",
        governorates: &["IQ-BG"],
        verified: true,
        services: &[],
        people: &[
            ("admin", "مدير المنصة", Role::SecretariatAdmin),
            ("auditor", "مدقق الأمانة العامة", Role::SecretariatAuditor),
        ],
    },
    OrgSeed {
        slug: "nrm-ni",
        kind: K::NrmOffice,
        name_ar: "فرع وزارة الهجرة والمهجرين في نينوى",
        name_en: "MoMD Ninewa branch (NRM)",
        governorates: &["IQ-NI"],
        verified: true,
        services: &[],
        people: &[
            (
                "nrm-ni-supervisor",
                "مشرف الإحالة - نينوى",
                Role::NrmSupervisor,
            ),
            (
                "nrm-ni-caseworker",
                "أخصائية الحالة - نينوى",
                Role::NrmCaseworker,
            ),
        ],
    },
    OrgSeed {
        slug: "nrm-ar",
        kind: K::NrmOffice,
        name_ar: "فرع وزارة الهجرة والمهجرين في أربيل",
        name_en: "MoMD Erbil branch (NRM)",
        governorates: &["IQ-AR"],
        verified: true,
        services: &[],
        people: &[
            (
                "nrm-ar-supervisor",
                "مشرف الإحالة - أربيل",
                Role::NrmSupervisor,
            ),
            (
                "nrm-ar-caseworker",
                "أخصائي الحالة - أربيل",
                Role::NrmCaseworker,
            ),
        ],
    },
    OrgSeed {
        slug: "nrm-bg",
        kind: K::NrmOffice,
        name_ar: "فرع وزارة الهجرة والمهجرين في بغداد",
        name_en: "MoMD Baghdad branch (NRM)",
        governorates: &["IQ-BG"],
        verified: true,
        services: &[],
        people: &[
            (
                "nrm-bg-supervisor",
                "مشرف الإحالة - بغداد",
                Role::NrmSupervisor,
            ),
            (
                "nrm-bg-caseworker",
                "أخصائية الحالة - بغداد",
                Role::NrmCaseworker,
            ),
        ],
    },
    OrgSeed {
        slug: "nrm-an",
        kind: K::NrmOffice,
        name_ar: "فرع وزارة الهجرة والمهجرين في الأنبار",
        name_en: "MoMD Anbar branch (NRM)",
        governorates: &["IQ-AN"],
        verified: true,
        services: &[],
        people: &[
            (
                "nrm-an-supervisor",
                "مشرف الإحالة - الأنبار",
                Role::NrmSupervisor,
            ),
            (
                "nrm-an-caseworker",
                "أخصائي الحالة - الأنبار",
                Role::NrmCaseworker,
            ),
        ],
    },
    OrgSeed {
        slug: "nrm-sd",
        kind: K::NrmOffice,
        name_ar: "فرع وزارة الهجرة والمهجرين في صلاح الدين",
        name_en: "MoMD Salah al-Din branch (NRM)",
        governorates: &["IQ-SD"],
        verified: true,
        services: &[],
        people: &[
            (
                "nrm-sd-supervisor",
                "مشرف الإحالة - صلاح الدين",
                Role::NrmSupervisor,
            ),
            (
                "nrm-sd-caseworker",
                "أخصائي الحالة - صلاح الدين",
                Role::NrmCaseworker,
            ),
        ],
    },
    OrgSeed {
        slug: "nrm-ba",
        kind: K::NrmOffice,
        name_ar: "فرع وزارة الهجرة والمهجرين في البصرة",
        name_en: "MoMD Basra branch (NRM)",
        governorates: &["IQ-BA"],
        verified: true,
        services: &[],
        people: &[
            (
                "nrm-ba-supervisor",
                "مشرف الإحالة - البصرة",
                Role::NrmSupervisor,
            ),
            (
                "nrm-ba-caseworker",
                "أخصائية الحالة - البصرة",
                Role::NrmCaseworker,
            ),
        ],
    },
    OrgSeed {
        slug: "nrm-ki",
        kind: K::NrmOffice,
        name_ar: "فرع وزارة الهجرة والمهجرين في كركوك",
        name_en: "MoMD Kirkuk branch (NRM)",
        governorates: &["IQ-KI"],
        verified: true,
        services: &[],
        people: &[
            (
                "nrm-ki-supervisor",
                "مشرف الإحالة - كركوك",
                Role::NrmSupervisor,
            ),
            (
                "nrm-ki-caseworker",
                "أخصائي الحالة - كركوك",
                Role::NrmCaseworker,
            ),
        ],
    },
    OrgSeed {
        slug: "ngo-amal",
        kind: K::Ngo,
        name_ar: "منظمة الأمل للتنمية",
        name_en: "Al-Amal Development Organisation",
        governorates: &["IQ-NI", "IQ-KI", "IQ-SD"],
        verified: true,
        services: &[
            (S::Psychosocial, &["IQ-NI", "IQ-KI"], 60),
            (S::Legal, &["IQ-NI"], 25),
            (S::CivilDocumentation, &["IQ-NI", "IQ-SD"], 40),
        ],
        people: &[
            (
                "ngo-amal-coordinator",
                "منسقة منظمة الأمل",
                Role::ProviderCoordinator,
            ),
            ("ngo-amal-staff", "موظف منظمة الأمل", Role::ProviderStaff),
        ],
    },
    OrgSeed {
        slug: "ngo-rafidain",
        kind: K::Ngo,
        name_ar: "جمعية الرافدين للإغاثة",
        name_en: "Rafidain Relief Association",
        governorates: &["IQ-BG", "IQ-AN"],
        verified: true,
        services: &[
            (S::Housing, &["IQ-AN"], 15),
            (S::HlpDispute, &["IQ-AN", "IQ-BG"], 20),
            (S::Medical, &["IQ-BG"], 80),
        ],
        people: &[
            (
                "ngo-rafidain-coordinator",
                "منسق جمعية الرافدين",
                Role::ProviderCoordinator,
            ),
            (
                "ngo-rafidain-staff",
                "موظفة جمعية الرافدين",
                Role::ProviderStaff,
            ),
        ],
    },
    OrgSeed {
        slug: "ngo-basra",
        kind: K::Ngo,
        name_ar: "مؤسسة البصرة لسبل العيش",
        name_en: "Basra Livelihoods Foundation",
        governorates: &["IQ-BA"],
        verified: false,
        services: &[(S::Livelihoods, &["IQ-BA"], 30)],
        people: &[(
            "ngo-basra-coordinator",
            "منسق مؤسسة البصرة",
            Role::ProviderCoordinator,
        )],
    },
    OrgSeed {
        slug: "io-migration",
        kind: K::InternationalOrganization,
        name_ar: "منظمة دولية لدعم الهجرة",
        name_en: "International Migration Support Organisation",
        governorates: &["IQ-AR", "IQ-NI", "IQ-BG"],
        verified: true,
        services: &[
            (S::Livelihoods, &["IQ-AR", "IQ-NI"], 50),
            (S::Psychosocial, &["IQ-AR"], 40),
        ],
        people: &[(
            "io-coordinator",
            "منسق المنظمة الدولية",
            Role::ProviderCoordinator,
        )],
    },
    OrgSeed {
        slug: "molsa",
        kind: K::Ministry,
        name_ar: "وزارة العمل والشؤون الاجتماعية",
        name_en: "Ministry of Labour and Social Affairs",
        governorates: &["IQ-BG", "IQ-BA", "IQ-AN", "IQ-NI", "IQ-SD", "IQ-KI"],
        verified: true,
        services: &[
            (S::VocationalTraining, &["IQ-BG", "IQ-BA", "IQ-NI"], 120),
            (S::Livelihoods, &["IQ-BG", "IQ-AN", "IQ-SD", "IQ-KI"], 70),
        ],
        people: &[(
            "molsa-coordinator",
            "منسق وزارة العمل",
            Role::ProviderCoordinator,
        )],
    },
    OrgSeed {
        slug: "mrc-baghdad",
        kind: K::Mrc,
        name_ar: "مركز موارد العمل وهجرة العمال - بغداد",
        name_en: "Labour and Migration Resource Centre - Baghdad",
        governorates: &["IQ-BG"],
        verified: true,
        services: &[(S::VocationalTraining, &["IQ-BG"], 45)],
        people: &[
            (
                "mrc-bg-counsellor",
                "مرشدة مركز موارد العمل - بغداد",
                Role::MrcCounsellor,
            ),
            (
                "mrc-bg-coordinator",
                "منسق مركز موارد العمل - بغداد",
                Role::ProviderCoordinator,
            ),
        ],
    },
    OrgSeed {
        slug: "mrc-erbil",
        kind: K::Mrc,
        name_ar: "مركز موارد العمل وهجرة العمال - أربيل",
        name_en: "Labour and Migration Resource Centre - Erbil",
        governorates: &["IQ-AR"],
        verified: true,
        services: &[(S::VocationalTraining, &["IQ-AR"], 35)],
        people: &[
            (
                "mrc-ar-counsellor",
                "مرشد مركز موارد العمل - أربيل",
                Role::MrcCounsellor,
            ),
            (
                "mrc-ar-coordinator",
                "منسقة مركز موارد العمل - أربيل",
                Role::ProviderCoordinator,
            ),
        ],
    },
    OrgSeed {
        slug: "co-tigris",
        kind: K::PrivateCompany,
        name_ar: "شركة دجلة للإنشاءات",
        name_en: "Tigris Construction Company",
        governorates: &["IQ-BG", "IQ-NI"],
        verified: true,
        services: &[],
        people: &[("employer-tigris", "مسؤولة التوظيف - دجلة", Role::Employer)],
    },
    OrgSeed {
        slug: "co-zagros",
        kind: K::PrivateCompany,
        name_ar: "شركة زاگروس للصناعات الغذائية",
        name_en: "Zagros Food Industries",
        governorates: &["IQ-AR"],
        verified: true,
        services: &[],
        people: &[("employer-zagros", "مسؤول التوظيف - زاگروس", Role::Employer)],
    },
    OrgSeed {
        slug: "co-shatt",
        kind: K::PrivateCompany,
        name_ar: "شركة شط العرب للخدمات اللوجستية",
        name_en: "Shatt al-Arab Logistics",
        governorates: &["IQ-BA"],
        verified: false,
        services: &[],
        people: &[("employer-shatt", "مسؤول التوظيف - شط العرب", Role::Employer)],
    },
    OrgSeed {
        slug: "chamber-baghdad",
        kind: K::Chamber,
        name_ar: "غرفة تجارة بغداد",
        name_en: "Baghdad Chamber of Commerce",
        governorates: &["IQ-BG"],
        verified: true,
        services: &[],
        people: &[("chamber-baghdad", "ممثل غرفة تجارة بغداد", Role::Employer)],
    },
];

/// The id a registration with this command id gets (the same rule as the GraphQL mutation).
pub fn organization_id_for(command_id: &str) -> Uuid {
    Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("organization:{command_id}").as_bytes(),
    )
}

fn govs(codes: &[&str]) -> ApiResult<BTreeSet<Governorate>> {
    codes
        .iter()
        .map(|c| {
            c.parse()
                .map_err(|_| ApiError::internal(format!("bad seed governorate {c}")))
        })
        .collect()
}

fn name(s: &str) -> ApiResult<Name> {
    Name::new(s).map_err(|e| ApiError::internal(format!("bad seed name {s}: {e}")))
}

/// Applies what is in the log to the read models now (there may be no server running).
/// Waits, up to 30 s, for events that sit behind a transaction still running elsewhere.
pub async fn project_now(state: &AppState) -> ApiResult<()> {
    let models = projections::models::all();
    let mut conn = state.pool.acquire().await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let caught_up = projections::catch_up(&mut conn, &models, 1000)
            .await
            .map_err(ApiError::internal)?;
        if caught_up.waiting == 0 || std::time::Instant::now() > deadline {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

pub struct SeededAccount {
    pub username: &'static str,
    pub role: Role,
    pub organization: &'static str,
}

/// Writes the demo organisations and accounts. Returns the accounts made.
pub async fn seed(state: &AppState) -> ApiResult<Vec<SeededAccount>> {
    let actor = Actor::system("seed");
    let ctx = |command_id: String| CommandContext::new(actor.clone(), Some(command_id), "seed");
    for org in ORGS {
        let command_id = format!("seed:{}:register", org.slug);
        let id = organization_id_for(&command_id);
        let register = OrganizationCommand::Register {
            actor: actor.clone(),
            id,
            kind: org.kind,
            profile: OrganizationProfile {
                name_ar: name(org.name_ar)?,
                name_en: name(org.name_en)?,
                governorates: govs(org.governorates)?,
            },
        };
        state
            .execute::<Organization>(&id.to_string(), &ctx(command_id), register)
            .await?;
        if org.verified {
            let verify = OrganizationCommand::Verify {
                actor: actor.clone(),
                note: Some("seed".into()),
            };
            state
                .execute::<Organization>(
                    &id.to_string(),
                    &ctx(format!("seed:{}:verify", org.slug)),
                    verify,
                )
                .await?;
        }
        for (category, where_, capacity) in org.services {
            let offer = OrganizationCommand::OfferService {
                actor: actor.clone(),
                terms: ServiceTerms {
                    category: *category,
                    governorates: govs(where_)?,
                    monthly_capacity: *capacity,
                },
            };
            let cid = format!("seed:{}:offer:{}", org.slug, category.as_str());
            state
                .execute::<Organization>(&id.to_string(), &ctx(cid), offer)
                .await?;
        }
    }
    project_now(state).await?;
    let mut made = Vec::new();
    for org in ORGS {
        let id = organization_id_for(&format!("seed:{}:register", org.slug));
        for (username, display_name, role) in org.people {
            accounts::create(
                state,
                &ctx(format!("seed:account:{username}")),
                NewAccount {
                    organization_id: id,
                    username: username.to_string(),
                    display_name: display_name.to_string(),
                    password: DEMO_PASSWORD.to_string(),
                    role: *role,
                },
            )
            .await?;
            made.push(SeededAccount {
                username,
                role: *role,
                organization: org.name_ar,
            });
        }
    }
    project_now(state).await?;
    seed_referrals(state).await?;
    project_now(state).await?;
    Ok(made)
}

async fn actor_of(state: &AppState, username: &str) -> ApiResult<Actor> {
    let id: Uuid = sqlx::query_scalar("SELECT user_id FROM accounts WHERE username = $1")
        .bind(username)
        .fetch_one(&state.pool)
        .await?;
    crate::auth::principal::actor_for(&state.pool, id)
        .await?
        .map(|(_, _, a)| a)
        .ok_or_else(|| ApiError::internal(format!("no actor for {username}")))
}

/// A few referrals at different stages, so the board and the caseloads are not empty.
async fn seed_referrals(state: &AppState) -> ApiResult<()> {
    use chrono::NaiveDate;
    use domain::referral::*;
    let given_on =
        NaiveDate::from_ymd_opt(2026, 11, 1).ok_or_else(|| ApiError::internal("date"))?;
    let people = [
        (
            "nrm-ni-caseworker",
            "IQ-NI",
            "الموصل",
            BeneficiaryType::ReturneeFromAbroad,
            Some("DE"),
            Sex::Female,
            AgeBand::From25To34,
            5,
            vec![Vulnerability::FemaleHeadedHousehold],
            vec![
                (S::Psychosocial, Priority::High),
                (S::CivilDocumentation, Priority::Medium),
            ],
            "فاطمة عبد الله",
        ),
        (
            "nrm-ni-caseworker",
            "IQ-NI",
            "سنجار",
            BeneficiaryType::ReturningIdp,
            None,
            Sex::Male,
            AgeBand::From35To49,
            7,
            vec![Vulnerability::ChronicIllness],
            vec![(S::Legal, Priority::High)],
            "أحمد خليل",
        ),
        (
            "nrm-an-caseworker",
            "IQ-AN",
            "الفلوجة",
            BeneficiaryType::Idp,
            None,
            Sex::Female,
            AgeBand::From50To64,
            3,
            vec![],
            vec![
                (S::Housing, Priority::High),
                (S::HlpDispute, Priority::Medium),
            ],
            "زينب حسين",
        ),
        (
            "nrm-bg-caseworker",
            "IQ-BG",
            "الكرخ",
            BeneficiaryType::ReturneeFromAbroad,
            Some("TR"),
            Sex::Male,
            AgeBand::From18To24,
            1,
            vec![],
            vec![(S::VocationalTraining, Priority::Medium)],
            "علي حسن",
        ),
    ];
    let mut ids = Vec::new();
    for (i, (who, gov, district, kind, country, sex, age, household, vulns, needs, name)) in
        people.into_iter().enumerate()
    {
        let actor = actor_of(state, who).await?;
        let ctx = CommandContext::new(actor, Some(format!("seed:referral:{i}")), "seed");
        let (id, _) = crate::referrals::create::create(
            state,
            &ctx,
            crate::referrals::create::NewReferral {
                facts: BeneficiaryFacts {
                    beneficiary_type: kind,
                    return_country: country.map(str::to_string),
                    governorate: gov.parse().map_err(|_| ApiError::internal("gov"))?,
                    district: Some(district.to_string()),
                    sex,
                    age_band: age,
                    household_size: household,
                    vulnerabilities: vulns.into_iter().collect(),
                },
                needs: needs
                    .into_iter()
                    .map(|(category, priority)| Need { category, priority })
                    .collect(),
                consent: Consent {
                    given_by: ConsentGiver::Person,
                    given_on,
                    share_with_providers: true,
                    may_contact: true,
                    expires_on: None,
                },
                personal: crate::privacy::PersonalData {
                    full_name: name.to_string(),
                    phone: Some(format!("+964 770 000 00{i:02}")),
                    ..Default::default()
                },
                open: true,
            },
        )
        .await?;
        ids.push(id);
    }
    project_now(state).await?;
    // The second Ninewa referral is claimed and accepted by Al-Amal.
    let staff = actor_of(state, "ngo-amal-staff").await?;
    let offer = crate::referrals::provider::offer_in(
        &state.pool,
        staff.org_id.unwrap_or_default(),
        "IQ-NI",
    )
    .await?;
    let id = ids[1].to_string();
    let ctx =
        |c: &str| CommandContext::new(staff.clone(), Some(format!("seed:referral:1:{c}")), "seed");
    state
        .execute::<Referral>(
            &id,
            &ctx("claim"),
            ReferralCommand::Claim {
                actor: staff.clone(),
                provider: offer,
            },
        )
        .await?;
    state
        .execute::<Referral>(
            &id,
            &ctx("accept"),
            ReferralCommand::Accept {
                actor: staff.clone(),
            },
        )
        .await?;
    Ok(())
}

/// The Secretariat's id, registering and verifying it first when the database has none.
pub async fn ensure_secretariat(state: &AppState) -> ApiResult<Uuid> {
    project_now(state).await?;
    let existing: Option<Uuid> = sqlx::query_scalar(
        "SELECT id FROM organizations WHERE kind = 'secretariat' ORDER BY registered_at LIMIT 1",
    )
    .fetch_optional(&state.pool)
    .await?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let actor = Actor::system("admin");
    let command_id = "admin:secretariat:register";
    let id = organization_id_for(command_id);
    let register = OrganizationCommand::Register {
        actor: actor.clone(),
        id,
        kind: K::Secretariat,
        profile: OrganizationProfile {
            name_ar: name("الأمانة العامة لمجلس الوزراء")?,
            name_en: name("General Secretariat of the Council of Ministers")?,
            governorates: govs(&["IQ-BG"])?,
        },
    };
    let ctx = CommandContext::new(actor.clone(), Some(command_id.into()), "admin");
    state
        .execute::<Organization>(&id.to_string(), &ctx, register)
        .await?;
    let ctx = CommandContext::new(
        actor.clone(),
        Some("admin:secretariat:verify".into()),
        "admin",
    );
    let verify = OrganizationCommand::Verify { actor, note: None };
    state
        .execute::<Organization>(&id.to_string(), &ctx, verify)
        .await?;
    project_now(state).await?;
    Ok(id)
}

/// Makes a Secretariat administrator (the first one, on a new database).
pub async fn create_admin(
    state: &AppState,
    username: &str,
    display_name: &str,
    password: &str,
) -> ApiResult<Uuid> {
    let org = ensure_secretariat(state).await?;
    let ctx = CommandContext::new(
        Actor::system("admin"),
        Some(format!("admin:account:{username}")),
        "admin",
    );
    let id = accounts::create(
        state,
        &ctx,
        NewAccount {
            organization_id: org,
            username: username.to_string(),
            display_name: display_name.to_string(),
            password: password.to_string(),
            role: Role::SecretariatAdmin,
        },
    )
    .await?;
    project_now(state).await?;
    Ok(id)
}
