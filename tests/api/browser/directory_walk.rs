//! A new provider joins, as the Secretariat and the provider's manager see it in Arabic:
//! the administrator registers the organisation, verifies it and gives it a manager; the
//! manager offers a service; a case worker's referral for that need then reaches the new
//! provider's board.

use sanad_tests::browser::checks::{self, XSS};
use sanad_tests::browser::{Chromium, Site};

const NAME_AR: &str = "جمعية النخيل للإسكان";

#[tokio::test]
async fn a_new_provider_is_registered_verified_staffed_and_receives_a_referral() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;

    let admin = chromium.tab(site.base(), 1280).await;
    admin.sign_in("admin").await;
    admin.goto("/organizations/new").await;
    checks::page_is_sound(&admin, "ar").await;
    // Nothing is chosen for the administrator: skipping the list is refused in words.
    assert_eq!(admin.value("#org-kind").await, "");
    admin.fill("#org-name-ar", NAME_AR).await;
    admin
        .eval::<bool>("(document.querySelector('form.card').noValidate = true)")
        .await;
    admin.press("تسجيل مؤسسة").await;
    admin.wait_for_text("اختر قيمة من القائمة.").await;
    assert_eq!(
        admin.value("#org-name-ar").await,
        NAME_AR,
        "what was typed is kept"
    );
    checks::page_reads_well(&admin, "ar").await;
    admin.choose("#org-kind", "NGO").await;
    admin.fill("#org-name-ar", NAME_AR).await;
    admin
        .fill("#org-name-en", &format!("Palm Housing {XSS}"))
        .await;
    admin.tick("#org-gov-IQ-NI").await;
    admin.press("تسجيل مؤسسة").await;
    admin
        .wait_for_text("سُجّلت المؤسسة، وهي قيد التحقق حتى توثّقها الأمانة العامة.")
        .await;
    admin.sees(NAME_AR).await;
    admin.sees("قيد التحقق").await;
    checks::page_is_sound(&admin, "ar").await;
    let profile = admin.path().await;
    let profile = profile.split('?').next().unwrap_or_default().to_string();

    admin.press("توثيق المؤسسة").await;
    admin.wait_for_text("تم توثيق المؤسسة.").await;
    admin.sees("موثّقة").await;

    admin
        .fill("#member-display-name", "مدير جمعية النخيل")
        .await;
    admin.fill("#member-username", "palm-manager").await;
    admin.fill("#member-password", "palm-manager-2026").await;
    admin.choose("#member-role", "PROVIDER_COORDINATOR").await;
    admin.submit("#member-form button[type=submit]").await;
    admin.wait_for_text("مدير جمعية النخيل").await;
    checks::page_is_sound(&admin, "ar").await;

    // The manager offers housing in Ninewa.
    let manager = chromium.tab(site.base(), 1280).await;
    manager
        .sign_in_with("palm-manager", "palm-manager-2026")
        .await;
    manager.goto(&profile).await;
    manager.choose("#service-category", "HOUSING").await;
    manager.tick("#service-gov-IQ-NI").await;
    manager.fill("#service-capacity", "12").await;
    manager.press("حفظ الخدمة").await;
    manager.wait_for_text("حُفظت الخدمة.").await;
    checks::page_is_sound(&manager, "ar").await;

    // A case worker in Ninewa refers a family that needs housing, and opens it now.
    let worker = chromium.tab(site.base(), 1280).await;
    worker.sign_in("nrm-ni-caseworker").await;
    worker.goto("/referrals/new").await;
    worker.choose("#f-beneficiaryType", "IDP").await;
    worker.choose("#f-governorate", "IQ-NI").await;
    worker.fill("#f-district", "تلعفر").await;
    worker.choose("#f-sex", "MALE").await;
    worker.choose("#f-ageBand", "FROM_35_TO_49").await;
    worker.fill("#f-householdSize", "6").await;
    worker.tick("#f-need-HOUSING").await;
    worker.choose("#f-consent-givenBy", "PERSON").await;
    worker.set("#f-consent-givenOn", "2026-12-01").await;
    worker.tick("#f-consent-shareWithProviders").await;
    worker.fill("#f-personal-fullName", "حسن محمود").await;
    worker.tick("#f-open").await;
    worker.press("تسجيل الإحالة").await;
    worker.wait_for_text("سُجّلت الإحالة.").await;
    worker.sees("مفتوحة لمقدّمي الخدمات").await;
    let case_number = worker.text_of("h1 bdi").await;

    // It is on the new provider's board.
    manager.goto("/referrals/board").await;
    manager.wait_for_text(&case_number).await;
    checks::page_is_sound(&manager, "ar").await;
}
