//! Demo referrals at different stages, so the board and the caseloads are not empty.

use domain::access::Actor;
use domain::values::ServiceCategory as S;
use store::CommandContext;
use uuid::Uuid;

use super::project_now;
use crate::errors::{ApiError, ApiResult};
use crate::state::AppState;

async fn actor_of(state: &AppState, username: &str) -> ApiResult<Actor> {
    let id: Uuid = sqlx::query_scalar("SELECT user_id FROM accounts WHERE username = $1")
        .bind(username)
        .fetch_one(&state.pool)
        .await?;
    crate::accounts::principal::actor_for(&state.pool, id)
        .await?
        .map(|(_, _, a)| a)
        .ok_or_else(|| ApiError::internal(format!("no actor for {username}")))
}

/// A few referrals at different stages, so the board and the caseloads are not empty.
pub(super) async fn referrals(state: &AppState) -> ApiResult<()> {
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
