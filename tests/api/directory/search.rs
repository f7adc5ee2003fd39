//! Searching the directory by name as people type names: with or without diacritics and
//! tatweel, whichever alef, ya or ha they use, with an Arabic or a Kurdish keyboard.

use sanad_tests::*;
use serde_json::json;

const SEARCH: &str = "query($q:String){ organizations(first:20, search:$q){ nodes{ nameAr } } }";
const REGISTER: &str =
    "mutation($i: RegisterOrganizationInput!){ registerOrganization(input:$i){ id } }";

async fn found(app: &TestApp, token: &str, q: &str) -> Vec<String> {
    let body = ok(app.gql(Some(token), SEARCH, json!({ "q": q })).await);
    body["organizations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["nameAr"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn names_match_across_arabic_and_kurdish_spellings() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    for (ar, en) in [
        ("جمعية مصطفى للتنمية", "Mustafa Development Society"),
        (
            "ڕێکخراوی هاوکاری کوردستان",
            "Kurdistan Cooperation Organisation",
        ),
    ] {
        ok(app
            .gql(
                Some(&admin),
                REGISTER,
                json!({"i": {"kind": "NGO", "nameAr": ar, "nameEn": en, "governorates": ["IQ-AR"]}}),
            )
            .await);
    }
    let token = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let amal = "منظمة الأمل للتنمية";
    for typed in [
        "الأمل",            // as written
        "الامل",            // alef without hamza
        "مُنَظَّمَة الأَمَل",      // with tashkeel
        "منظمه الامل",      // ha for ta marbuta
        "مـنـظـمـة الأمـل", // with tatweel
        "منظمة الأمل للتنمية",
    ] {
        assert_eq!(
            found(&app, &token, typed).await,
            vec![amal],
            "searching {typed:?}"
        );
    }
    assert_eq!(
        found(&app, &token, "للاغاثه").await,
        vec!["جمعية الرافدين للإغاثة"],
        "hamza under alef and ta marbuta"
    );
    assert_eq!(
        found(&app, &token, "مصطفي").await,
        vec!["جمعية مصطفى للتنمية"],
        "ya for alef maqsura"
    );
    // Kurdish names typed on an Arabic keyboard (kaf ك for keheh ک, ya ي for yeh ی),
    // and Kurdish letters typed for Arabic ones.
    let kurdish = "ڕێکخراوی هاوکاری کوردستان";
    for typed in ["هاوكاري كوردستان", "هاوکاری کوردستان", "کوردستان"]
    {
        assert_eq!(
            found(&app, &token, typed).await,
            vec![kurdish],
            "searching {typed:?}"
        );
    }
    assert_eq!(
        found(&app, &token, "جمعیة مصطفی").await,
        vec!["جمعية مصطفى للتنمية"],
        "Kurdish yeh for Arabic ya"
    );
    // Folding does not make everything match.
    assert!(found(&app, &token, "الأملاك").await.is_empty());
    assert!(
        found(&app, &token, "%").await.is_empty(),
        "a % is a character"
    );
}

async fn register(app: &TestApp, token: &str, ar: &str, en: &str) {
    ok(app
        .gql(
            Some(token),
            REGISTER,
            json!({"i": {"kind": "NGO", "nameAr": ar, "nameEn": en, "governorates": ["IQ-SU"]}}),
        )
        .await);
}

/// Sorani letters that are an Arabic letter with a mark (ڕ ڵ ۆ ێ), ve (ڤ), the zero-width
/// non-joiner of Kurdish typing and Eastern Arabic-Indic digits: a Kurdish name is found
/// however the keyboard wrote it. Letters that are sounds of their own (گ) stay apart.
#[tokio::test]
async fn kurdish_names_match_as_typed_on_an_arabic_keyboard_and_digits_in_any_script() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let light = "کۆمەڵەی ڕووناکی بۆ پەروەردە";
    let vian = "ڕێکخراوی ڤیان";
    let galawezh = "سەنتەری گەلاوێژ";
    let july = "مركز 17 تموز للتدريب";
    register(&app, &admin, light, "Rounaki Education Society").await;
    register(&app, &admin, vian, "Vian Organisation").await;
    register(&app, &admin, galawezh, "Galawezh Centre").await;
    register(&app, &admin, july, "17 July Training Centre").await;
    let token = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    for typed in [
        "کۆمەڵەی ڕووناکی", // as written
        "كومهلهي رووناكي", // Arabic keyboard: no ۆ ڵ ڕ ێ ە, ك for ک
        "کۆمەڵە\u{200c}ی", // a zero-width non-joiner typed after ە
        "كۆمەلەی",         // ڵ written without its mark
        "ڕووناکی بۆ پەروەردە",
    ] {
        assert_eq!(
            found(&app, &token, typed).await,
            vec![light],
            "searching {typed:?}"
        );
    }
    for typed in ["ريكخراوي فيان", "ڕێکخراوی ڤیان", "فیان"] {
        assert_eq!(
            found(&app, &token, typed).await,
            vec![vian],
            "searching {typed:?}"
        );
    }
    assert_eq!(found(&app, &token, "گەلاوێژ").await, vec![galawezh]);
    assert!(
        found(&app, &token, "كەلاوێژ").await.is_empty(),
        "گ is a letter of its own, not ك"
    );
    for typed in ["17 تموز", "١٧ تموز", "۱۷ تموز"] {
        assert_eq!(
            found(&app, &token, typed).await,
            vec![july],
            "searching {typed:?}"
        );
    }
}

/// A case number is searched with the digits of any keyboard too.
#[tokio::test]
async fn case_numbers_are_found_with_arabic_indic_digits() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let worker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let created = ok(app
        .gql(
            Some(&worker),
            crate::referrals::CREATE,
            json!({"g": "IQ-NI", "needs": [{"category": "HOUSING"}]}),
        )
        .await);
    let case = created["createReferral"]["caseNumber"]
        .as_str()
        .unwrap()
        .to_string();
    let digits: String = case.chars().filter(char::is_ascii_digit).collect();
    let tail = &digits[digits.len() - 6..];
    let arabic_indic: String = tail
        .chars()
        .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    let persian: String = tail
        .chars()
        .map(|c| char::from_u32(0x06F0 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    const LIST: &str =
        "query($c:String){ referrals(first:20, caseNumber:$c){ totalCount nodes{ caseNumber } } }";
    for typed in [tail.to_string(), arabic_indic, persian, case.to_lowercase()] {
        let body = ok(app.gql(Some(&worker), LIST, json!({ "c": typed })).await);
        let numbers: Vec<&str> = body["referrals"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["caseNumber"].as_str().unwrap())
            .collect();
        assert_eq!(numbers, vec![case.as_str()], "searching {typed:?}");
        assert_eq!(body["referrals"]["totalCount"], 1, "searching {typed:?}");
    }
}
