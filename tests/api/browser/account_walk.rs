//! A member looks after their own account, in Arabic: signed in on two browsers, they
//! change their password (a wrong current one is refused beside the field), which signs
//! the other browser out; they make and revoke an API token; then their manager resets
//! their password, which signs them out everywhere; each step is in the account's history.

use sanad_tests::browser::checks::{self, XSS};
use sanad_tests::browser::{Chromium, Site};
use sanad_tests::DEMO_PASSWORD;

const CHANGED: &str = "changed-password-2026";
const RESET: &str = "reset-by-manager-2026";

#[tokio::test]
async fn a_member_changes_their_password_signs_out_elsewhere_and_is_reset_by_their_manager() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;

    let phone = chromium.tab(site.base(), 375).await;
    phone.sign_in("ngo-amal-staff").await;
    let desk = chromium.tab(site.base(), 1280).await;
    desk.sign_in("ngo-amal-staff").await;

    desk.follow("حسابي").await;
    assert_eq!(desk.path().await, "/account");
    checks::page_is_sound(&desk, "ar").await;
    desk.sees("جلستان").await;
    desk.sees("هذه الجلسة").await;
    desk.sees("لا شيء بعد.").await;

    // A wrong current password is refused beside its field; nothing typed is shown back.
    desk.fill("#current-password", "not-my-password").await;
    desk.fill("#new-password", CHANGED).await;
    desk.fill("#repeat-password", CHANGED).await;
    desk.press("غيّر كلمة المرور").await;
    desk.wait_for_text("كلمة المرور الحالية غير صحيحة.").await;
    assert_eq!(
        desk.eval::<String>(
            "document.querySelector('#current-password').getAttribute('aria-invalid') + ' ' + \
             document.getElementById(document.querySelector('#current-password').getAttribute('aria-describedby')).innerText"
        )
        .await,
        "true كلمة المرور الحالية غير صحيحة."
    );
    assert!(
        desk.eval::<bool>("document.activeElement.closest('#form-errors') !== null")
            .await,
        "the focus is on the summary of what to fix"
    );
    desk.sees("كلمة المرور الحالية: كلمة المرور الحالية غير صحيحة.")
        .await;
    assert_eq!(desk.value("#new-password").await, "");
    checks::page_is_sound(&desk, "ar").await;

    // Two different new passwords are caught before anything is sent.
    desk.fill("#current-password", DEMO_PASSWORD).await;
    desk.fill("#new-password", CHANGED).await;
    desk.fill("#repeat-password", "something-else-2026").await;
    desk.press("غيّر كلمة المرور").await;
    desk.wait_for_text("كلمتا المرور الجديدتان غير متطابقتين.")
        .await;

    desk.fill("#current-password", DEMO_PASSWORD).await;
    desk.fill("#new-password", CHANGED).await;
    desk.fill("#repeat-password", CHANGED).await;
    desk.press("غيّر كلمة المرور").await;
    desk.wait_for_text("تغيّرت كلمة المرور.").await;
    desk.sees("جلسة واحدة").await;
    desk.sees("تغيير كلمة المرور").await;
    desk.sees("مع تغيير كلمة المرور").await;
    checks::page_is_sound(&desk, "ar").await;

    // The phone was signed out by the change.
    phone.goto("/account").await;
    assert!(
        phone.path().await.starts_with("/login"),
        "{}",
        phone.path().await
    );
    phone.sign_in_with("ngo-amal-staff", CHANGED).await;
    assert!(!phone.path().await.starts_with("/login"));

    // A token named with markup is shown as text; its secret once; then revoked.
    desk.goto("/account").await;
    desk.fill("#token-name", &format!("تقارير {XSS}")).await;
    desk.press("أنشئ رمزاً").await;
    desk.wait_for_text("انسخه الآن").await;
    assert!(desk.text_of("#new-token").await.starts_with("sanad_t_"));
    checks::page_is_sound(&desk, "ar").await;
    desk.press("ألغِ الرمز").await;
    desk.wait_for_text("أُلغي الرمز.").await;
    desk.sees("إلغاء رمز وصول برمجي").await;
    desk.does_not_see("ألغِ الرمز").await;

    // Sign out of the phone from the desk's list.
    desk.press("سجّل الخروج من جميع الجلسات الأخرى").await;
    desk.wait_for_text("سُجّل خروجك من جميع الجلسات الأخرى.").await;
    desk.sees("الخروج من الجلسات الأخرى").await;
    phone.goto("/account").await;
    assert!(phone.path().await.starts_with("/login"));

    // The manager resets the password from the organisation's profile.
    let manager = chromium.tab(site.base(), 1280).await;
    manager.sign_in("ngo-amal-coordinator").await;
    manager.follow("الملف التعريفي لمؤسستك").await;
    manager.follow("أعد تعيين كلمة المرور").await;
    checks::page_is_sound(&manager, "ar").await;
    manager.sees("موظف منظمة الأمل").await;
    manager.fill("#new-password", RESET).await;
    manager.fill("#repeat-password", RESET).await;
    manager.press("أعد تعيين كلمة المرور").await;
    manager
        .wait_for_text("أُعيد تعيين كلمة مرور العضو وأُنهيت جلساته.")
        .await;

    desk.goto("/account").await;
    assert!(
        desk.path().await.starts_with("/login"),
        "reset ends every session"
    );
    desk.sign_in_with("ngo-amal-staff", CHANGED).await;
    assert!(
        desk.path().await.starts_with("/login"),
        "the old password is gone"
    );
    desk.sign_in_with("ngo-amal-staff", RESET).await;
    desk.goto("/account").await;
    desk.sees("إعادة تعيين كلمة المرور من المدير").await;
    desk.sees("ngo-amal-coordinator").await;
    desk.sees("مع إعادة تعيين كلمة المرور").await;
    checks::page_is_sound(&desk, "ar").await;
}
