use std::sync::Arc;

use crate::tests::fake::{get, ninewa, viewer, Fake, SESSION};

fn board() -> serde_json::Value {
    serde_json::json!({
        "viewer": viewer("PROVIDER_COORDINATOR"),
        "governorates": [ninewa()],
        "referralBoard": {
            "totalCount": 3,
            "pageInfo": { "hasNextPage": true, "endCursor": "b2" },
            "nodes": [{
                "id": "r-1",
                "caseNumber": "NRM-NI-2026-000123",
                "status": "OPEN",
                "beneficiaryType": "RETURNEE_FROM_ABROAD",
                "ageBand": "FROM_25_TO_34",
                "sex": "FEMALE",
                "householdSize": 5,
                "vulnerabilities": ["FEMALE_HEADED_HOUSEHOLD"],
                "waitingHours": 52,
                "escalated": true,
                "openedAt": "2026-01-05T09:30:00Z",
                "governorate": ninewa(),
                "needs": [
                    { "category": "PSYCHOSOCIAL", "priority": "HIGH" },
                    { "category": "HLP_DISPUTE", "priority": "LOW" }
                ]
            }]
        }
    })
}

fn capacity() -> serde_json::Value {
    serde_json::json!({ "myCapacity": [
        { "category": "PSYCHOSOCIAL", "monthlyCapacity": 10, "usedThisMonth": 10, "full": true },
        { "category": "LEGAL", "monthlyCapacity": 30, "usedThisMonth": 4, "full": false }
    ] })
}

#[tokio::test]
async fn the_board_shows_arabic_need_labels_priorities_and_waiting_hours() {
    let fake = Arc::new(
        Fake::new()
            .data("myCapacity", capacity())
            .data("referralBoard(", board()),
    );
    let answer = get(
        &fake,
        "/referrals/board?need=PSYCHOSOCIAL&sex=FEMALE",
        Some(SESSION),
    )
    .await;
    assert_eq!(answer.status, 200);
    let body = &answer.body;
    assert!(body.contains("الدعم النفسي والاجتماعي"));
    assert!(body.contains("تسوية نزاعات الأراضي والممتلكات"));
    assert!(body.contains("أولوية عالية"));
    assert!(body.contains("أولوية منخفضة"));
    assert!(body.contains("عائد من الخارج"));
    assert!(body.contains("أسرة تعيلها امرأة"));
    assert!(body.contains("نينوى"));
    assert!(body.contains(">52<"));
    assert!(body.contains("متأخرة — أُبلغ المشرف"));
    assert!(body.contains(r#"href="/referrals/r-1""#));
    // A claim button per row, with the CSRF token and a command id.
    assert!(body.contains(r#"action="/referrals/r-1/claim""#));
    assert!(body.contains(r#"name="csrf" value="right-token""#));
    // The next page keeps the filters.
    assert!(
        body.contains(r#"href="/referrals/board?need=PSYCHOSOCIAL&amp;sex=FEMALE&amp;after=b2""#)
    );
    // The order switch offers the priority order.
    assert!(body.contains(
        r#"href="/referrals/board?need=PSYCHOSOCIAL&amp;sex=FEMALE&amp;order=PRIORITY""#
    ));
    let call = fake.call_with("referralBoard(");
    assert_eq!(call.variables["first"], 20);
    assert_eq!(call.variables["need"], "PSYCHOSOCIAL");
    assert_eq!(call.variables["sex"], "FEMALE");
    assert_eq!(call.variables["order"], "WAITING");
    assert!(call.variables["ageBand"].is_null());
}

#[tokio::test]
async fn the_board_has_a_capacity_box_with_a_full_badge() {
    let fake = Arc::new(
        Fake::new()
            .data("myCapacity", capacity())
            .data("referralBoard(", board()),
    );
    let answer = get(&fake, "/referrals/board", Some(SESSION)).await;
    let body = &answer.body;
    assert!(body.contains("السعة هذا الشهر"));
    let capacity = body
        .split(r#"<aside class="card capacity""#)
        .nth(1)
        .expect("capacity box");
    assert!(capacity.contains("10 / 10"));
    assert!(capacity.contains("4 / 30"));
    assert!(capacity.contains("ممتلئة"));
    assert!(capacity.contains("الدعم القانوني"));
    assert_eq!(capacity.matches("ممتلئة").count(), 1);
}

#[tokio::test]
async fn priority_order_is_sent_and_unknown_filters_are_dropped() {
    let fake = Arc::new(
        Fake::new()
            .data("myCapacity", capacity())
            .data("referralBoard(", board()),
    );
    let answer = get(
        &fake,
        "/referrals/board?order=PRIORITY&need=SPACESHIP&age=FROM_25_TO_34",
        Some(SESSION),
    )
    .await;
    assert_eq!(answer.status, 200);
    let call = fake.call_with("referralBoard(");
    assert_eq!(call.variables["order"], "PRIORITY");
    assert!(call.variables["need"].is_null());
    assert_eq!(call.variables["ageBand"], "FROM_25_TO_34");
    assert!(answer.body.contains(r#"aria-current="true""#));
}

#[tokio::test]
async fn a_forbidden_capacity_leaves_the_box_out_but_keeps_the_board() {
    let fake = Arc::new(
        Fake::new()
            .error("myCapacity", "FORBIDDEN", "غير مسموح")
            .data("referralBoard(", board()),
    );
    let answer = get(&fake, "/referrals/board", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert!(!answer.body.contains("capacity-heading"));
    assert!(answer.body.contains("NRM-NI-2026-000123"));
}

#[tokio::test]
async fn a_board_the_role_may_not_see_shows_the_api_message_not_a_500() {
    let fake = Arc::new(Fake::new().error(
        "referralBoard(",
        "FORBIDDEN",
        "لا يسمح دورك برؤية لوحة الإحالات",
    ));
    let answer = get(&fake, "/referrals/board", Some(SESSION)).await;
    assert_eq!(answer.status, 403);
    assert!(answer.body.contains("لا يسمح دورك برؤية لوحة الإحالات"));
}

#[tokio::test]
async fn the_board_has_a_live_region_its_script_and_a_refresh_link_that_keeps_filters_and_page() {
    let fake = Arc::new(
        Fake::new()
            .data("myCapacity", capacity())
            .data("referralBoard(", board()),
    );
    let answer = get(
        &fake,
        "/referrals/board?governorate=IQ-NI&after=b1&lang=en",
        Some(SESSION),
    )
    .await;
    assert_eq!(answer.status, 200);
    let body = &answer.body;
    // The part the script replaces holds the list and its pager, and names the stream.
    let live = body
        .split(r#"<div id="board-live" data-events="/referrals/board/events">"#)
        .nth(1)
        .expect("the live part of the board");
    assert!(live.contains("NRM-NI-2026-000123"));
    assert!(live.contains(r#"rel="next""#));
    // What the live region will say, in the page's language.
    assert!(body.contains(r#"role="status" aria-live="polite""#));
    assert!(body.contains(r#"data-arrived="A new referral has arrived on the board.""#));
    assert!(body.contains(r#"data-updated="The board has been updated.""#));
    // Without JavaScript, a link reloads the board as filtered, on the same page.
    assert!(body.contains(
        r#"<a href="/referrals/board?governorate=IQ-NI&amp;after=b1">Refresh the board</a>"#
    ));
    // The script comes from this origin, never inline.
    assert!(body.contains(r#"<script src="/assets/board.js?v="#));
    assert!(!body.contains("<script>"));
}

#[tokio::test]
async fn the_board_script_is_served_as_javascript_and_kept_a_while() {
    let fake = Arc::new(Fake::new());
    let answer = get(&fake, "/assets/board.js", None).await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.headers[axum::http::header::CONTENT_TYPE],
        "text/javascript; charset=utf-8"
    );
    assert!(answer.headers[axum::http::header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("max-age"));
    assert!(answer.body.contains("new EventSource("));
}

#[tokio::test]
async fn the_board_events_need_a_session_and_are_refused_when_unavailable() {
    let fake = Arc::new(Fake::new());
    assert_eq!(
        get(&fake, "/referrals/board/events", None).await.status,
        401
    );
    // The fake serves no subscription: the stream is unavailable, said with a status the
    // browser may retry, never a 500.
    let answer = get(&fake, "/referrals/board/events", Some(SESSION)).await;
    assert_eq!(answer.status, 503);
    assert_eq!(answer.headers[axum::http::header::RETRY_AFTER], "30");
}
