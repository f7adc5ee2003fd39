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
