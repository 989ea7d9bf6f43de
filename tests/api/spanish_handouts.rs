//! The printable handouts and the public change-request forms in Spanish (`/es/...`): the page's
//! language, Spanish headings and labels, type names and day headings from the catalogues,
//! 24-hour times, Spanish 400 messages and problems, and links that stay under `/es/`.

use actix_web::http::StatusCode;
use actix_web::test::TestRequest;

use crate::helpers::{Page, TestApp};

async fn post(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> Page {
    let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
    let request = TestRequest::post()
        .uri(path)
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .peer_addr("203.0.113.9:5000".parse().expect("address"))
        .set_payload(body);
    app.request(request).await
}

fn html_lang(page: &Page) -> Vec<String> {
    page.attributes("html", "lang")
}

#[actix_web::test]
async fn the_spanish_handouts_page_is_in_spanish_and_its_links_stay_under_es() {
    let app = TestApp::spawn();
    let page = app.get("/es/handouts").await;
    assert_eq!(page.status, 200);
    assert_eq!(html_lang(&page), ["es"]);
    assert_eq!(page.texts("main h1"), ["Hojas para imprimir"]);
    assert_eq!(page.texts("main h2"), ["Horario de reuniones", "Hoja de referencia", "Una hoja por grupo"]);
    assert_eq!(page.attributes("main form", "action"), ["/es/handouts/referral"]);
    assert!(page.texts("main legend").contains(&"Grupos que ofrecer (dos o más)".to_owned()));
    let one_pagers = page.attributes("#one-pagers + ul a", "href");
    assert_eq!(one_pagers.len(), 18, "{one_pagers:?}");
    assert!(one_pagers.iter().all(|href| href.starts_with("/es/handouts/groups/")), "{one_pagers:?}");
    assert!(page.texts("main li").iter().any(|item| item.contains("Alcohólicos Anónimos")));
    let links = page.attributes("main a", "href");
    assert!(links.contains(&"/es/handouts/meetings?type=O".to_owned()) && links.contains(&"/es/meetings".to_owned()));
    let stays = |href: &String| href.starts_with("/es/") || href.starts_with("http") || href.starts_with("tel:");
    assert!(links.iter().all(stays), "{links:?}");
}

#[actix_web::test]
async fn the_spanish_group_handout_is_told_in_spanish_with_the_groups_spanish_name() {
    let app = TestApp::spawn();
    let english = app.get("/handouts/groups/alcoholics-anonymous").await;
    let page = app.get("/es/handouts/groups/alcoholics-anonymous").await;
    assert_eq!(page.status, 200);
    assert_eq!(html_lang(&page), ["es"]);
    assert_eq!(page.texts("main h1"), ["Alcoholics Anonymous"], "the group's own name stays");
    assert_eq!(page.texts(".group-sheet .local-name"), ["Alcohólicos Anónimos"]);
    assert_eq!(page.texts(".find-box h2"), ["Cómo encontrar una reunión"]);
    assert_eq!(page.texts("button[data-print]"), ["Imprimir esta página"]);
    let tag = page.texts(".group-sheet .tag").join(" ");
    assert!(tag.starts_with("Grupo de apoyo mutuo") && tag.contains("De 12 Pasos"), "{tag}");
    assert_ne!(page.texts(".group-sheet .lead"), english.texts(".group-sheet .lead"), "the summary is told in Spanish");
    let find = page.texts(".find-box p").join(" ");
    assert!(
        find.contains("Este directorio tiene reuniones de ejemplo")
            && find.contains("/es/meetings?group=alcoholics-anonymous"),
        "{find}"
    );
    assert!(find.contains("Las reuniones abiertas son para cualquier persona"), "{find}");
    assert!(page.attributes(".find-box a", "href").contains(&"/es/meetings?group=alcoholics-anonymous".to_owned()));
    let source = page.texts(".group-sheet .source").join(" ");
    let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre"];
    let months = [&months[..], &["noviembre", "diciembre"]].concat();
    assert!(source.contains("Impreso el ") && months.iter().any(|month| source.contains(&format!(" de {month} de "))));
    assert_eq!(page.attributes(".group-sheet .source cite", "lang"), ["en"], "the English title is marked");
    assert_eq!(app.get("/es/handouts/groups/nobody").await.status, 404);
}

#[actix_web::test]
async fn the_spanish_schedule_has_spanish_day_headings_24_hour_times_and_type_names() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/es/handouts/meetings?type=O").await;
    assert_eq!(page.status, 200);
    assert_eq!(html_lang(&page), ["es"]);
    assert_eq!(page.texts("main h1"), ["Reuniones abiertas"], "the title says what it lists");
    assert_eq!(page.texts(".schedule-day h2"), ["Domingo", "Lunes", "Martes", "Jueves"]);
    let monday = page.texts(".schedule-day:nth-of-type(2) .schedule-entry .entry-head");
    assert!(monday[0].starts_with("07:00"), "{monday:?}");
    let times = page.texts(".schedule-entry .entry-head").join(" ");
    assert!(!times.contains("am") && !times.contains("pm"), "24-hour times: {times}");
    assert_eq!(
        page.texts(".schedule-day:nth-of-type(2) thead th"),
        ["Lunes (continuación)", "Hora", "Reunión", "Grupo", "Dónde", "Tipo"]
    );
    assert_eq!(page.texts(".legend h2"), ["Clave de los tipos de reunión"]);
    let legend = page.texts(".legend-list div");
    assert!(legend.iter().any(|item| item.starts_with('W') && item.ends_with("Mujeres")), "{legend:?}");
    assert!(!legend.iter().any(|item| item.ends_with("Women")), "{legend:?}");
    let text = page.texts("main").join(" ");
    assert!(text.contains("Confirme antes de ir") && text.contains("/es/meetings?type=O"), "{text}");
    assert!(text.contains("En línea: video.example.org"), "{text}");
}

#[actix_web::test]
async fn the_spanish_referral_sheet_is_in_spanish_and_a_bad_one_says_why_in_spanish() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/es/handouts/referral?group=alcoholics-anonymous&group=smart-recovery").await;
    assert_eq!(page.status, 200);
    assert_eq!(html_lang(&page), ["es"]);
    assert_eq!(page.texts("main h1"), ["Grupos de apoyo mutuo que podría probar"]);
    let choices = page.texts("ol.choices > li h2");
    assert!(choices[0].contains("Alcohólicos Anónimos") && choices[0].contains("De 12 Pasos"), "{choices:?}");
    assert_eq!(
        page.texts(".blanks p"),
        ["Cliente:", "Fecha:", "Persona de contacto:", "Teléfono:", "Visita de seguimiento:"]
    );
    let more = page.texts(".choice p").join(" ");
    assert!(more.contains("Más reuniones: localhost:8080/es/g/aa"), "a short address, in Spanish: {more}");
    let when = page.texts(".choice-meetings li strong").join(" | ");
    assert!(!when.contains("am") && !when.contains("pm"), "24-hour times: {when}");
    let one = app.get("/es/handouts/referral?group=alcoholics-anonymous").await;
    assert_eq!(one.status, 400);
    assert_eq!(html_lang(&one), ["es"]);
    assert!(one.texts("main p").iter().any(|text| text.contains("más de una opción")), "{}", one.body);
}

#[actix_web::test]
async fn the_spanish_request_forms_are_in_spanish_and_send_to_spanish_addresses() {
    let app = TestApp::spawn();
    let new = app.get("/es/meetings/new").await;
    assert_eq!(new.status, StatusCode::OK);
    assert_eq!(html_lang(&new), ["es"]);
    assert_eq!(new.texts("main h1"), ["Agregar una reunión que falta"]);
    assert_eq!(new.attributes("form[method=post]", "action"), ["/es/meetings/new"]);
    let labels = new.texts("form label");
    for label in ["Nombre de la reunión", "Grupo", "Hora de inicio", "Lugar", "Mensaje", "Domingo", "Sábado"] {
        assert!(labels.contains(&label.to_owned()), "{label} missing: {labels:?}");
    }
    assert_eq!(new.texts("form legend"), ["Días"]);
    assert_eq!(new.texts("form button"), ["Enviar la solicitud"]);
    assert_eq!(new.texts("select[name=fellowship] option:first-child"), ["(sin indicar)"]);
    let groups = new.texts("select[name=fellowship] option");
    assert!(groups.contains(&"Alcoholics Anonymous (Alcohólicos Anónimos)".to_owned()), "{groups:?}");
    let change = app.get("/es/meetings/sunrise-serenity-riverton/change").await;
    assert_eq!(change.status, StatusCode::OK);
    assert_eq!(change.attributes("form[method=post]", "action"), ["/es/meetings/sunrise-serenity-riverton/change"]);
    assert!(change.texts("main h1")[0].starts_with("Informar un cambio en «"));
}

#[actix_web::test]
async fn a_bad_spanish_request_gets_spanish_problems_and_nothing_is_stored() {
    let app = TestApp::spawn();
    let sent = post(
        &app,
        "/es/meetings/new",
        &[("name", "Amanecer"), ("day", "1"), ("time", "25:99"), ("reply_to", "sin arroba"), ("message", "Hola")],
    )
    .await;
    assert_eq!(sent.status, StatusCode::BAD_REQUEST);
    assert_eq!(html_lang(&sent), ["es"]);
    assert_eq!(sent.texts(".form-problems h2"), ["Revise el formulario"]);
    let problems = sent.texts(".form-problems li").join(" | ");
    assert!(problems.contains("no parece una dirección de correo"), "{problems}");
    assert_eq!(sent.texts("#time-error"), ["«25:99» no es una hora (por ejemplo, 19:00 o 7:00 PM)."]);
    assert_eq!(sent.attributes("input[name=time]", "value"), ["25:99"], "what was typed is kept on the page");
    assert!(app.state.store.open_requests().expect("reads").is_empty(), "nothing stored");
}

#[actix_web::test]
async fn the_spanish_thank_you_page_is_in_spanish() {
    let app = TestApp::spawn();
    let sent = post(
        &app,
        "/es/meetings/new",
        &[
            ("name", "Amanecer del Río"),
            ("fellowship", "smart-recovery"),
            ("day", "6"),
            ("time", "18:30"),
            ("location", "Biblioteca del Río"),
            ("formatted_address", "5 River Rd, Duluth, MN 55802"),
        ],
    )
    .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert_eq!(html_lang(&sent), ["es"]);
    assert_eq!(sent.texts("main h1"), ["Solicitud recibida"]);
    assert!(sent.texts("main p").iter().any(|text| text.starts_with("Gracias.")));
    assert!(sent.attributes("main a", "href").contains(&"/es/meetings".to_owned()));
    assert_eq!(app.state.store.open_requests().expect("reads").len(), 1);
}

#[actix_web::test]
async fn a_sources_meeting_sends_spanish_readers_to_the_source_in_spanish() {
    let app = TestApp::spawn();
    app.with_metro_source_meetings(
        br#"[{"name": "Metro Noon", "slug": "metro-noon", "day": 1, "time": "12:00",
                     "feedback_url": "https://metro.example/update", "feedback_emails": ["fix@metro.example"]}]"#,
    );
    let page = app.get("/es/meetings/metro-noon/change").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(html_lang(&page), ["es"]);
    assert_eq!(page.texts("main h1"), ["Informar un cambio en este anuncio"]);
    assert!(page.texts("main p").iter().any(|text| text.starts_with("Esta reunión proviene de metro")));
    let links: Vec<(String, String)> =
        page.attributes("main li a", "href").into_iter().zip(page.texts("main li a")).collect();
    assert!(
        links.contains(&(
            "https://metro.example/update".to_owned(),
            "El formulario de la fuente para informar cambios".to_owned()
        )),
        "{links:?}"
    );
    assert!(
        links.contains(&("mailto:fix@metro.example".to_owned(), "Escribir a fix@metro.example".to_owned())),
        "{links:?}"
    );
    assert!(links.contains(&("/es/meetings/metro-noon".to_owned(), "Volver a la reunión".to_owned())), "{links:?}");
    assert!(page.attributes("form[method=post]", "action").is_empty(), "no form");
}

#[actix_web::test]
async fn a_spanish_change_request_that_changes_nothing_is_told_so_in_spanish() {
    let app = TestApp::spawn();
    let current = app.get("/es/meetings/sunrise-serenity-riverton/change").await;
    let mut fields: Vec<(String, String)> = ["time", "end_time", "location", "formatted_address", "types"]
        .iter()
        .map(|name| {
            ((*name).to_owned(), current.attributes(&format!("input[name={name}]"), "value").pop().unwrap_or_default())
        })
        .collect();
    fields
        .extend(current.attributes("input[name=day][checked]", "value").into_iter().map(|day| ("day".to_owned(), day)));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
    let sent = post(&app, "/es/meetings/sunrise-serenity-riverton/change", &pairs).await;
    assert_eq!(sent.status, StatusCode::BAD_REQUEST, "{}", sent.body);
    let problems = sent.texts(".form-problems li");
    assert!(problems.iter().any(|problem| problem.starts_with("No se cambió nada")), "{problems:?}");
    assert!(app.state.store.open_requests().expect("reads").is_empty(), "nothing stored");
}

#[actix_web::test]
async fn a_spanish_visitor_over_the_hourly_limit_or_sending_too_much_is_answered_in_spanish() {
    let app = TestApp::spawn();
    let fields = [("name", "Amanecer"), ("day", "2"), ("time", "18:30"), ("location", "Biblioteca")];
    for _ in 0..mutual_support::routes::requests::REQUESTS_PER_HOUR {
        assert_eq!(post(&app, "/es/meetings/new", &fields).await.status, StatusCode::OK);
    }
    let refused = post(&app, "/es/meetings/new", &fields).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(html_lang(&refused), ["es"]);
    assert_eq!(refused.texts("main h1"), ["Demasiadas solicitudes"]);
    assert!(refused.texts("main p").iter().any(|text| text.contains("lo que envió no se guardó")), "{}", refused.body);
    let huge = "x".repeat(mutual_support::staff::MAX_FORM_BYTES + 10);
    let too_large = post(&app, "/es/meetings/new", &[("name", "Grande"), ("message", &huge)]).await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(too_large.texts("main h1"), ["El formulario es demasiado grande"]);
    let stored = app.state.store.open_requests().expect("reads").len();
    assert_eq!(stored, mutual_support::routes::requests::REQUESTS_PER_HOUR as usize, "nothing more kept");
}
