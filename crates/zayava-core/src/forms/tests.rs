//! Form schemas, validation with paths, and the pre-flight check per service and ground.

use serde_json::{json, Value};

use super::preflight::check;
use super::*;
use crate::i18n::Lang;
use crate::organisation::tests::complete as organisation;

/// The day the checks run on: documents dated later are refused.
const TODAY: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();

fn one_window() -> Value {
    json!({
        "contracting_name": "ОАО «Пример»",
        "users": [
            { "full_name": "Иванов И. И.", "position": "Специалист", "email": "ivanov@example.by", "key": "gossuok", "procedures": "1.1.5" },
            { "full_name": "Петрова А. А.", "position": "Юрист", "email": "petrova@example.by", "key": "biometric", "procedures": "2.1" }
        ],
        "tariff_users": 2, "access": "internet",
        "keys": true, "head_cabinet": true, "org_cabinet": true, "users_cabinets": true, "users_added": true, "users_confirmed": true,
        "no_debts": true
    })
}

fn grounds(schema: &str, values: &Value, org: Option<&Value>) -> Vec<(String, Option<String>)> {
    check(current(schema).unwrap(), values, org, TODAY, Lang::Ru).findings.into_iter().map(|f| (f.ground, f.field)).collect()
}

#[test]
fn every_schema_is_embedded_with_a_version_and_services_have_grounds() {
    let ids: Vec<&str> = schemas().iter().filter(|s| s.superseded_by.is_none()).map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["organisation", "hosting", "constructor", "one-window", "kvp", "interaction"]);
    for s in schemas() {
        // An older version names the current one of the same form, which supersedes nothing.
        if let Some(newer) = &s.superseded_by {
            let newer = by_version(newer).unwrap_or_else(|| panic!("{} is superseded by an unknown version", s.version));
            assert_eq!((newer.id.as_str(), newer.superseded_by.as_deref()), (s.id.as_str(), None), "{}", s.version);
            assert_eq!(current(&s.id).unwrap().version, newer.version);
        }
        assert_eq!(schemas().iter().filter(|x| x.version == s.version).count(), 1, "{}: one schema per version", s.version);
        assert!(s.version.starts_with(&format!("{}@", s.id)));
        assert_eq!(by_version(&s.version).unwrap().id, s.id);
        // The interaction log is a journal, not an application the Operator could annul.
        if s.kind == FormKind::Application && s.id != "interaction" {
            assert!(s.preflight.iter().any(|g| g.check == GroundCheck::InvalidFields), "{}", s.id);
            assert!(s.preflight.iter().any(|g| matches!(g.check, GroundCheck::Confirmed(_))), "{}: debts", s.id);
        }
    }
}

#[test]
fn a_complete_one_window_application_is_clean() {
    let p = check(current("one-window").unwrap(), &one_window(), Some(&organisation()), TODAY, Lang::Ru);
    assert!(p.clean, "{:?}", p.findings);
}

#[test]
fn list_items_are_checked_with_their_path() {
    let mut v = one_window();
    v["users"][1]["email"] = json!("petrova@");
    v["users"][0]["full_name"] = json!("");
    let issues = validate(current("one-window").unwrap(), &v, TODAY);
    let paths: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(paths, ["users[0].full_name", "users[1].email"]);
}

#[test]
fn the_training_group_holds_at_most_10() {
    let trainee = json!({ "full_name": "Слушатель", "position": "Инженер", "email": "t@example.by" });
    let mut v = json!({ "want_training": true, "training_group": vec![trainee.clone(); 11] });
    let issues = validate(current("constructor").unwrap(), &v, TODAY);
    assert!(issues.iter().any(|i| i.field == "training_group" && i.code == crate::validation::IssueCode::TooMany));
    v["training_group"] = json!(vec![trainee; 10]);
    assert!(!validate(current("constructor").unwrap(), &v, TODAY).iter().any(|i| i.field == "training_group"));
    // Without training wanted, the group is not asked for.
    let v = json!({ "want_training": false });
    assert!(!validate(current("constructor").unwrap(), &v, TODAY).iter().any(|i| i.field.starts_with("training_group")));
}

#[test]
fn one_window_grounds_incorrect_data_prerequisites_and_debts() {
    let mut v = one_window();
    v["users_confirmed"] = json!(false);
    v["no_debts"] = json!(false);
    let mut org = organisation();
    org["unp"] = json!("100217337");
    let found = grounds("one-window", &v, Some(&org));
    assert_eq!(
        found,
        [
            ("one-window.incorrect".to_string(), Some("organisation.unp".to_string())),
            ("one-window.prerequisites".to_string(), Some("users_confirmed".to_string())),
            ("one-window.debts".to_string(), Some("no_debts".to_string())),
        ]
    );
    let p = check(current("one-window").unwrap(), &v, Some(&org), TODAY, Lang::Ru);
    assert_eq!(p.findings[1].clause, "3.3", "prerequisites are an obligation of 3.3, not an annulment ground of 3.6");
    assert!(p.findings[2].needs_confirmation);
    assert!(!p.clean);
}

#[test]
fn hosting_grounds_aer_conditions_and_the_testing_conclusion() {
    let v = json!({
        "procedures": [ { "code": "1.1.5", "name": "Выдача справки", "aer_agreed": true }, { "code": "2.1", "name": "Регистрация", "aer_agreed": false } ],
        "git_access": "https://git.example/repo", "software_count": 2,
        "third_party": true, "testing_number": "17", "testing_date": "2025-02-03",
        "via_ir_is": true, "gsectls_server": false, "no_debts": true
    });
    let found = grounds("hosting", &v, Some(&organisation()));
    assert_eq!(
        found,
        [
            // Every channel question is a yes/no the user must answer (4.1): none may be skipped.
            ("hosting.incomplete".to_string(), Some("via_smdo".to_string())),
            ("hosting.incomplete".to_string(), Some("via_one_window".to_string())),
            ("hosting.no_aer".to_string(), Some("procedures[1].aer_agreed".to_string())),
            ("hosting.conditions".to_string(), Some("gsectls_server".to_string())),
            ("hosting.attachments".to_string(), Some("testing_file".to_string())),
        ]
    );
    // A conclusion is not asked for software the Operator made.
    let mut own = v.clone();
    own["third_party"] = json!(false);
    own["procedures"][1]["aer_agreed"] = json!(true);
    own["gsectls_server"] = json!(true);
    own["via_smdo"] = json!(false);
    own["via_one_window"] = json!(false);
    assert!(grounds("hosting", &own, Some(&organisation())).is_empty());
    // Left blank, the third-party question would skip the testing conclusion (3.3): it is asked.
    let mut blank = own.clone();
    blank.as_object_mut().unwrap().remove("third_party");
    assert_eq!(grounds("hosting", &blank, Some(&organisation())), [("hosting.incomplete".to_string(), Some("third_party".to_string()))]);
}

#[test]
fn constructor_grounds_name_field_and_clause() {
    let v = json!({ "admin_name": "Админ", "admin_email": "admin@example", "admin_phone": "+375 17 311-30-00", "send_method": "email", "crypto_client": true });
    let p = check(current("constructor").unwrap(), &v, Some(&organisation()), TODAY, Lang::Ru);
    let found: Vec<(&str, &str)> = p.findings.iter().map(|f| (f.ground.as_str(), f.field.as_deref().unwrap())).collect();
    assert_eq!(found, [("constructor.incomplete", "admin_email"), ("constructor.prerequisites", "channel"), ("constructor.debts", "no_debts")]);
    assert!(p.findings[1].message.contains("(п. 3.1)"), "{}", p.findings[1].message);
    assert_eq!(p.findings[0].clause, "3.5");
}

#[test]
fn constructor_4_2_access_without_the_users_training_is_refused_by_the_preflight() {
    let base = json!({ "admin_name": "Админ", "admin_email": "admin@example.by", "admin_phone": "+375 17 311-30-00", "send_method": "email",
        "crypto_client": true, "channel": true, "no_debts": true, "want_access": true });
    let p = check(current("constructor").unwrap(), &base, Some(&organisation()), TODAY, Lang::Ru);
    let found: Vec<(&str, Option<&str>)> = p.findings.iter().map(|f| (f.ground.as_str(), f.field.as_deref())).collect();
    assert_eq!(found, [("constructor.training_first", Some("want_training"))]);
    assert_eq!(p.findings[0].clause, "4.2");
    assert!(p.findings[0].message.contains("«Нужно обучение пользователей» или «Пользователи уже прошли подготовку"), "{}", p.findings[0].message);
    // Trained before, or training asked for with its group: clean.
    let mut before = base.clone();
    before["trained_before"] = json!(true);
    assert!(grounds("constructor", &before, Some(&organisation())).is_empty());
    let mut with_training = base.clone();
    with_training["want_training"] = json!(true);
    with_training["training_group"] = json!([{ "full_name": "Петров П. П.", "position": "Инженер", "email": "petrov@example.by" }]);
    assert!(grounds("constructor", &with_training, Some(&organisation())).is_empty());
    // Help alone needs no training.
    let mut help = base.clone();
    help["want_access"] = json!(false);
    help["want_help"] = json!(true);
    assert!(grounds("constructor", &help, Some(&organisation())).is_empty());
}

#[test]
fn kvp_grounds_letter_requirements_and_missing_organisation() {
    let v = json!({ "users_keys": true, "entity_cabinet": true, "gsectls": true, "letter_number": "01-12/345", "letter_date": "2025-11-03",
        "users": [ { "full_name": "Сидоров С. С.", "position": "Начальник отдела" } ], "no_debts": true });
    let found = grounds("kvp", &v, None);
    assert_eq!(
        found,
        [
            ("kvp.incomplete".to_string(), Some("organisation".to_string())),
            ("kvp.requirements".to_string(), Some("on_list_885".to_string())),
            ("kvp.letter".to_string(), Some("letter_file".to_string())),
        ]
    );
    let mut attached = v.clone();
    attached["letter_file"] = json!({ "sha256": "a".repeat(64), "name": "письмо.pdf", "size": 1000 });
    attached["on_list_885"] = json!(true);
    assert!(grounds("kvp", &attached, Some(&organisation())).is_empty());
}

#[test]
fn malformed_values_of_every_type_are_named() {
    let v = json!({ "letter_date": "2025-02-30", "users": "not a list", "training": "yes" });
    let issues = validate(current("kvp").unwrap(), &v, TODAY);
    let by: Vec<(&str, crate::validation::IssueCode)> = issues.iter().map(|i| (i.field.as_str(), i.code)).collect();
    assert!(by.contains(&("letter_date", crate::validation::IssueCode::Malformed)));
    assert!(by.contains(&("users", crate::validation::IssueCode::Malformed)));
    assert!(by.contains(&("training", crate::validation::IssueCode::Malformed)));
    assert!(by.contains(&("letter_number", crate::validation::IssueCode::Required)));
}

#[test]
fn an_application_stored_under_an_older_form_is_still_checked_by_that_form() {
    // hosting@2025-01-01 asked the channel questions as optional ticks: an application stored
    // under it stays clean under it, while the current form asks them.
    let old = by_version("hosting@2025-01-01").expect("the older hosting form is embedded");
    assert_eq!(old.superseded_by.as_deref(), Some("hosting@2025-01-01.2"));
    let v = json!({
        "procedures": [ { "code": "1.1.5", "name": "Выдача справки", "aer_agreed": true } ],
        "git_access": "https://git.example/repo", "software_count": 2, "third_party": false,
        "via_ir_is": true, "gsectls_server": true, "no_debts": true
    });
    assert!(check(old, &v, Some(&organisation()), TODAY, Lang::Ru).clean);
    assert!(!check(current("hosting").unwrap(), &v, Some(&organisation()), TODAY, Lang::Ru).clean);
    assert_eq!(current("hosting").unwrap().version, "hosting@2025-01-01.2");
}

#[test]
fn one_window_the_tariffs_user_count_must_equal_the_users_listed() {
    let mut v = one_window();
    v["tariff_users"] = json!(3);
    let issues = validate(current("one-window").unwrap(), &v, TODAY);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!((issues[0].field.as_str(), issues[0].code), ("tariff_users", crate::validation::IssueCode::CountMismatch));
    assert!(issues[0].message(Lang::Ru).contains("сейчас их 2"), "{}", issues[0].message(Lang::Ru));
    v["tariff_users"] = json!(2);
    assert!(validate(current("one-window").unwrap(), &v, TODAY).is_empty());
    // The key field names both ways of 3.3: a GosSUOK key or a biometric document.
    let users = current("one-window").unwrap().fields.iter().find(|f| f.id == "users").unwrap();
    let key = users.fields.iter().find(|f| f.id == "key").unwrap();
    assert_eq!(key.clause.as_deref(), Some("3.3"));
    assert!(key.label.ru.contains("биометрический документ"));
}

#[test]
fn kvp_users_are_optional_and_list_885_cites_clause_1_2() {
    let kvp = current("kvp").unwrap();
    let users = kvp.fields.iter().find(|f| f.id == "users").unwrap();
    assert!(!users.required && users.min_items.is_none());
    assert_eq!(kvp.fields.iter().find(|f| f.id == "on_list_885").unwrap().clause.as_deref(), Some("1.2"));
    assert!(!validate(kvp, &json!({}), TODAY).iter().any(|i| i.field == "users"));
}

#[test]
fn the_organisation_profile_is_a_form_but_no_service() {
    assert_eq!(organisation_schema().kind, FormKind::Organisation);
    assert!(current_application("organisation").is_none(), "the profile is not an application form");
    for service in ["hosting", "constructor", "one-window", "kvp", "interaction"] {
        assert_eq!(current_application(service).map(|s| s.kind), Some(FormKind::Application), "{service}");
    }
    // Every embedded form, older versions included, says what it is for.
    assert_eq!(schemas().iter().filter(|s| s.kind == FormKind::Organisation).count(), 1);
}

fn organisation_schema() -> &'static FormSchema {
    super::organisation()
}

/// A field that supplies a fact names one the rulebook has, and each choice's `fact_value`
/// is a value that fact takes: the profile's kind becomes `org_kind` by data, not code.
#[test]
fn every_fact_a_form_supplies_is_the_rulebooks_and_every_mapped_value_is_one_it_takes() {
    use crate::rules::{FactType, Rulebook};
    let book = Rulebook::shared();
    let mut mapped = 0;
    for schema in schemas() {
        for field in &schema.fields {
            let Some(fact) = &field.fact else { continue };
            let spec = book.fact(fact).unwrap_or_else(|| panic!("{}: {} supplies {fact}, which the rulebook lacks", schema.version, field.id));
            for choice in &field.options {
                let Some(value) = &choice.fact_value else { continue };
                mapped += 1;
                match &spec.fact_type {
                    FactType::OneOf(options) => assert!(options.iter().any(|o| &o.value == value), "{}: {} → {value}", schema.version, choice.value),
                    FactType::PositiveInteger => panic!("{}: a choice mapped onto the number {fact}", schema.version),
                }
            }
        }
    }
    assert!(mapped >= 4, "the profile's kinds are mapped");
}

/// Each role is played by at most one field of a form, and the profile has the roles the
/// store and the lists read (name, full name, UNP, address, e-mail, contact).
#[test]
fn every_role_has_at_most_one_field_and_the_profile_has_the_roles_read_from_it() {
    use crate::forms::FieldRole;
    for schema in schemas() {
        let mut seen = std::collections::HashSet::new();
        for role in schema.fields.iter().filter_map(|f| f.role) {
            assert!(seen.insert(role), "{}: {role:?} twice", schema.version);
        }
    }
    let org = crate::forms::organisation();
    for role in [FieldRole::Name, FieldRole::FullName, FieldRole::Unp, FieldRole::Address, FieldRole::Email, FieldRole::Contact] {
        assert!(org.fields.iter().any(|f| f.role == Some(role)), "{role:?}");
    }
}

#[test]
fn a_document_cannot_be_dated_after_the_day_of_the_check() {
    let kvp = current("kvp").unwrap();
    let dated = |d: &str| validate(kvp, &json!({ "letter_date": d }), TODAY).into_iter().filter(|i| i.field == "letter_date").map(|i| i.code).collect::<Vec<_>>();
    assert_eq!(dated("2026-11-25"), []);
    assert_eq!(dated("2026-11-26"), [crate::validation::IssueCode::InFuture]);
    let hosting = current("hosting").unwrap();
    let issues = validate(hosting, &json!({ "third_party": true, "testing_date": "2027-01-10" }), TODAY);
    let issue = issues.iter().find(|i| i.field == "testing_date").unwrap();
    assert_eq!(issue.message(Lang::Ru), "Поле «Заключение о тестировании: дата»: документ не может быть датирован позже сегодняшнего дня — укажите дату, которая на нём стоит.");
}
