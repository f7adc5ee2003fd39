//! The demo directory: the Secretariat, MoMD NRM offices in the focus governorates,
//! providers and companies, with their services.

use domain::access::Actor;
use domain::organization::{Organization, OrganizationCommand, OrganizationProfile, ServiceTerms};
use domain::values::{OrganizationKind as K, Role, ServiceCategory as S};
use store::CommandContext;
use uuid::Uuid;

use super::{govs, name, organization_id_for, project_now};
use crate::errors::ApiResult;
use crate::state::AppState;

pub(super) struct OrgSeed {
    pub(super) slug: &'static str,
    pub(super) kind: K,
    pub(super) name_ar: &'static str,
    pub(super) name_en: &'static str,
    pub(super) governorates: &'static [&'static str],
    pub(super) verified: bool,
    pub(super) services: &'static [(S, &'static [&'static str], u32)],
    pub(super) people: &'static [(&'static str, &'static str, Role)],
}

pub(super) const ORGS: &[OrgSeed] = &[
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

/// Registers the demo organisations, verifies those that are, and offers their services.
pub(super) async fn organizations(state: &AppState) -> ApiResult<()> {
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
