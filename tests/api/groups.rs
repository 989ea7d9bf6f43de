//! `/groups` and `/groups/{slug}`: every group from the fact sheet, compared and described.

use mutual_support::content::Content;

use crate::helpers::TestApp;

/// The slugs the product map promises (links and handouts rely on them).
const SLUGS: [&str; 18] = [
    "alcoholics-anonymous",
    "chemically-dependent-anonymous",
    "cocaine-anonymous",
    "crystal-meth-anonymous",
    "heroin-anonymous",
    "lifering-secular-recovery",
    "marijuana-anonymous",
    "methadone-anonymous",
    "narcotics-anonymous",
    "secular-organizations-for-sobriety",
    "smart-recovery",
    "women-for-sobriety",
    "double-trouble-in-recovery",
    "dual-recovery-anonymous",
    "al-anon-alateen",
    "co-anon",
    "families-anonymous",
    "nar-anon",
];

#[actix_web::test]
async fn every_group_page_renders_with_its_name_and_website() {
    let app = TestApp::spawn();
    let content = Content::embedded().expect("content loads");
    assert_eq!(content.groups.len(), SLUGS.len());
    for slug in SLUGS {
        let group = content.group(slug).unwrap_or_else(|| panic!("no content for {slug}"));
        let page = app.get(&format!("/groups/{slug}")).await;
        assert_eq!(page.status, 200, "{slug}");
        assert!(page.texts("h1")[0].starts_with(&group.name), "{slug}");
        assert!(page.attributes("main a", "href").contains(&group.website), "{slug} links its website");
        let words = page.texts("main .prose").join(" ").split_whitespace().count();
        assert!(words >= 100, "{slug} has only {words} words of description");
        for section in ["Philosophy", "What a meeting is like", "Who it is for"] {
            assert!(page.texts("main .prose h2").iter().any(|h| h == section), "{slug} lacks {section}");
        }
    }
}

#[actix_web::test]
async fn the_comparison_lists_every_group_under_its_audience() {
    let app = TestApp::spawn();
    let page = app.get("/groups").await;
    assert_eq!(page.status, 200);
    let compared = page.attributes("table.comparison tbody th a", "href");
    assert_eq!(compared.len(), SLUGS.len());
    for slug in SLUGS {
        assert!(compared.contains(&format!("/groups/{slug}")), "{slug} missing from the comparison");
    }
    let family = page.attributes("section:has(#family) .card a", "href");
    assert_eq!(family.len(), 4, "{family:?}");
    assert!(family.contains(&"/groups/al-anon-alateen".to_owned()));
    let co_occurring = page.attributes("section:has(#co-occurring) .card a", "href");
    assert_eq!(co_occurring.len(), 2);
}

#[actix_web::test]
async fn the_approach_filter_narrows_the_comparison() {
    let app = TestApp::spawn();
    let other = app.get("/groups?approach=other").await;
    let mut names = other.texts("table.comparison tbody th");
    names.sort();
    assert_eq!(
        names,
        [
            "LifeRing Secular Recovery",
            "SMART Recovery",
            "Secular Organizations for Sobriety/Save Our Selves",
            "Women for Sobriety"
        ]
    );
    let twelve_step = app.get("/groups?approach=twelve-step").await;
    assert_eq!(twelve_step.texts("table.comparison tbody tr").len(), 11);
    let mut undescribed = app.get("/groups?approach=not-described").await.texts("table.comparison tbody th");
    undescribed.sort();
    assert_eq!(undescribed, ["Heroin Anonymous", "Marijuana Anonymous", "Methadone Anonymous"]);
    let bad = app.get("/groups?approach=%3Cscript%3E").await;
    assert_eq!(bad.status, 400);
    assert!(bad.texts("main p").iter().any(|text| text.contains("twelve-step")));
    assert!(!bad.body.contains("<script>"));
}

#[actix_web::test]
async fn an_unknown_group_is_an_html_404() {
    let app = TestApp::spawn();
    let page = app.get("/groups/not-a-group").await;
    assert_eq!(page.status, 404);
    assert_eq!(page.texts("h1"), ["Page not found"]);
}

#[actix_web::test]
async fn the_figures_are_the_fact_sheets() {
    let app = TestApp::spawn();
    let expectations: [(&str, &[&str]); 5] = [
        ("alcoholics-anonymous", &["100,000", "2 million"]),
        ("women-for-sobriety", &["Thirteen Statements", "300", "women"]),
        ("smart-recovery", &["300", "motivation", "urges", "thoughts, feelings", "satisfactions"]),
        ("secular-organizations-for-sobriety", &["500", "Guidelines for Sobriety"]),
        ("lifering-secular-recovery", &["100", "sobriety, secularity", "self-help"]),
    ];
    for (slug, facts) in expectations {
        let text = app.get(&format!("/groups/{slug}")).await.texts("main").join(" ");
        for fact in facts {
            assert!(text.contains(fact), "{slug} lacks {fact:?}");
        }
    }
    let methadone = app.get("/groups/methadone-anonymous").await.texts("main").join(" ");
    assert!(methadone.to_lowercase().contains("methadone"));
}

#[test]
fn a_content_file_with_a_bad_field_stops_the_content_from_loading() {
    let good = std::fs::read("content/groups/co-anon.md").expect("co-anon.md");
    let bad = String::from_utf8_lossy(&good).replace("approach = ", "aproach = ");
    let files: [(&str, &[u8]); 2] = [
        ("groups/co-anon.md", bad.as_bytes()),
        ("groups/nar-anon.md", &std::fs::read("content/groups/nar-anon.md").expect("nar-anon.md")),
    ];
    let error = Content::from_files(&files).expect_err("a misspelled field is rejected");
    let message = error.to_string();
    assert!(message.contains("content/groups/co-anon.md"), "{message}");
    assert!(message.contains("aproach"), "{message}");
}

#[actix_web::test]
async fn the_spanish_groups_page_has_spanish_headings_and_marks_silence_with_the_muted_mark() {
    let app = TestApp::spawn();
    let page = app.get("/es/groups").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attributes("html", "lang"), ["es"]);
    assert_eq!(page.texts("h1"), ["Grupos de apoyo mutuo"]);
    let headings = page.texts("main h2");
    for heading in ["Para familiares, amigos y parejas", "Para personas con trastornos concurrentes", "Lado a lado"] {
        assert!(headings.iter().any(|h| h == heading), "no {heading:?} in {headings:?}");
    }
    let columns = page.texts("table.comparison thead th");
    assert_eq!(columns[..3], ["Grupo", "Enfoque", "Sustancias"]);
    assert!(columns.iter().any(|c| c == "Padrinos o madrinas"), "{columns:?}");
    assert!(!page.texts("table.comparison .not-described").is_empty(), "silence is the muted mark");
    assert!(
        page.attributes("table.comparison .not-described", "title")
            .iter()
            .all(|t| t == "No se describe en la hoja informativa")
    );
    let cells = page.texts("table.comparison td");
    assert!(!cells.iter().any(|cell| cell == "No se describe en la hoja informativa"), "not the words in every cell");
    let english = app.get("/groups").await;
    assert_eq!(
        page.texts("table.comparison .not-described").len(),
        english.texts("table.comparison .not-described").len(),
        "the same cells are silent in both languages"
    );
    assert!(cells.iter().any(|cell| cell == "De 12 Pasos"), "approach in Spanish");
    let links = page.attributes("table.comparison tbody th a", "href");
    assert_eq!(links.len(), SLUGS.len());
    assert!(links.iter().all(|href| href.starts_with("/es/groups/")), "{links:?}");
    assert_eq!(page.attributes("form.inline-filter", "action"), ["/es/groups"]);
    assert!(page.texts(".card .local-name").iter().any(|name| name == "Alcohólicos Anónimos"));
    let bad = app.get("/es/groups?approach=nada").await;
    assert_eq!(bad.status, 400);
    assert!(
        bad.texts("main p").iter().any(|text| text.starts_with("El filtro de enfoque puede ser")),
        "{:?}",
        bad.texts("main p")
    );
}

#[actix_web::test]
async fn the_spanish_page_of_alcoholics_anonymous_tells_it_in_spanish_with_its_spanish_name() {
    let app = TestApp::spawn();
    let content = Content::embedded().expect("content loads");
    let spanish = mutual_support::i18n::Lang::from_code("es").expect("Spanish");
    let group = content.in_lang(spanish).group("alcoholics-anonymous").expect("Spanish AA");
    let page = app.get("/es/groups/alcoholics-anonymous").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attributes("html", "lang"), ["es"]);
    assert!(page.texts("h1")[0].starts_with("Alcoholics Anonymous"));
    assert_eq!(page.texts("article .local-name"), ["Alcohólicos Anónimos"]);
    assert!(page.texts(".lead").contains(&group.summary), "the Spanish summary");
    for section in ["Filosofía", "Cómo es una reunión", "Para quién es"] {
        assert!(page.texts("main .prose h2").iter().any(|h| h == section), "lacks {section}");
    }
    assert_eq!(page.texts("main h2")[0], "De un vistazo");
    assert!(page.texts(".facts dt").iter().any(|dt| dt == "Énfasis espiritual"));
    let button = page.texts(".group-actions .button").join(" ");
    assert!(
        button.ends_with("en este directorio") && (button.contains("reuniones") || button.contains("1 reunión")),
        "{button}"
    );
    let links = page.attributes("main a", "href");
    for link in [
        "/es/groups",
        "/es/meetings?group=alcoholics-anonymous",
        "/es/handouts/groups/alcoholics-anonymous",
        "/es/about",
    ] {
        assert!(links.iter().any(|href| href == link), "no {link} in {links:?}");
    }
    assert_eq!(page.attributes("form.compare-form", "action"), ["/es/groups/compare"]);
    assert!(page.texts("#compare-with option").iter().any(|o| o == "Narcotics Anonymous (Narcóticos Anónimos)"));
}

#[actix_web::test]
async fn the_spanish_comparison_has_spanish_rows_and_spanish_400_messages() {
    let app = TestApp::spawn();
    let page = app.get("/es/groups/compare?group=smart-recovery&group=alcoholics-anonymous").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("h1"), ["Comparar 2 grupos"]);
    assert_eq!(page.texts("table.compare thead th"), ["SMART Recovery", "Alcoholics Anonymous (Alcohólicos Anónimos)"]);
    let rows = page.texts("table.compare tbody th[scope=row]");
    for row in ["Enfoque", "Para quién", "Énfasis espiritual", "Sitio web"] {
        assert!(rows.iter().any(|heading| heading == row), "no {row} row in {rows:?}");
    }
    assert_eq!(page.texts("table.compare caption"), ["SMART Recovery y Alcoholics Anonymous"]);
    assert!(page.texts("title")[0].starts_with("Comparar SMART Recovery y AA"), "{:?}", page.texts("title"));
    for (query, start) in [
        ("group=smart-recovery", "Elija al menos dos grupos para comparar; esta dirección nombra solo uno."),
        ("", "Elija al menos dos grupos para comparar; esta dirección no nombra ninguno."),
        ("group=smart-recovery&group=%3Cb%3Enada", "“<b>nada” no es un grupo de este directorio."),
        (
            "group=co-anon&group=nar-anon&group=smart-recovery&group=alcoholics-anonymous",
            "Elija como máximo 3 grupos para comparar; esta dirección nombra 4.",
        ),
    ] {
        let bad = app.get(&format!("/es/groups/compare?{query}")).await;
        assert_eq!(bad.status, 400, "{query}");
        assert_eq!(bad.attributes("html", "lang"), ["es"]);
        assert!(bad.texts("main p").iter().any(|text| text.starts_with(start)), "{query}: {:?}", bad.texts("main p"));
        assert!(!bad.body.contains("<b>nada"), "escaped");
    }
}

#[actix_web::test]
async fn the_table_of_every_group_says_the_fact_sheets_words_on_mat_once_instead_of_a_dash_per_group() {
    let app = TestApp::spawn();
    let page = app.get("/groups").await;
    let columns = page.texts("#comparison-table thead th");
    for left_out in ["Medication-assisted treatment", "Size", "Online options"] {
        assert!(!columns.iter().any(|column| column.starts_with(left_out)), "{left_out} in {columns:?}");
    }
    let rows = page.texts("#comparison-table tbody tr").len();
    let dashes = page.texts("#comparison-table .not-described").len();
    assert!(dashes < rows, "{dashes} dashes in {rows} rows: no column of them");
    let beside = page.texts(".beside-table").join(" ");
    assert!(beside.contains("more supportive of medication-assisted treatment (MAT) than others"), "{beside}");
    assert!(
        beside.contains("Methadone Anonymous: Supportive"),
        "the one group it names, from its front matter: {beside}"
    );
    let spanish = app.get("/es/groups").await;
    assert!(spanish.texts(".beside-table").join(" ").contains("tratamiento asistido con medicamentos (MAT)"));
}

/// The text of the comparison's medication-assisted treatment row.
fn mat_row(page: &crate::helpers::Page) -> String {
    page.texts(".compare tbody tr")
        .into_iter()
        .find(|row| row.starts_with("Medication-assisted treatment"))
        .expect("the MAT row")
}

#[actix_web::test]
async fn comparing_groups_the_fact_sheet_says_nothing_on_for_mat_gives_its_general_finding_in_one_cell() {
    let app = TestApp::spawn();
    let page = app.get("/groups/compare?group=alcoholics-anonymous&group=smart-recovery").await;
    let row = mat_row(&page);
    assert!(row.contains("more supportive of medication-assisted treatment (MAT) than others"), "{row}");
    assert!(!row.contains("Not described"), "{row}");
    assert!(page.attributes(".compare td[colspan]", "colspan").contains(&"2".to_owned()));
    let with = app.get("/groups/compare?group=methadone-anonymous&group=smart-recovery").await;
    let row = mat_row(&with);
    assert!(row.contains("Supportive"), "a group it describes keeps its own cell: {row}");
}
