//! The `zayava` binary as a user runs it: help, version, and the same database as the app.

use std::process::Command;

use chrono::Utc;
use zayava_store::Database;

fn zayava() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zayava"));
    cmd.env_remove("ZAYAVA_DB");
    cmd
}

async fn database_with_one_profile(path: &std::path::Path) {
    let db = Database::open(path).await.unwrap();
    let draft = serde_json::json!({
        "full_name": "Государственное учреждение «Архив»", "short_name": "ГУ «Архив»", "legal_form": "учреждение", "kind": "budget_funded",
        "unp": "690314863", "legal_postcode": "246000", "legal_address": "г. Гомель", "postal_postcode": "246000", "postal_address": "г. Гомель",
        "iban": "BY13NBRB3600900000002Z00AB00", "bank_name": "Национальный банк", "bic": "NBRBBY2X", "head_position": "Директор",
        "head_name": "Сидоров С. С.", "head_basis": "Устава", "contact_name": "Козлова К. К.", "phone": "+375 232 12-34-56",
        "email": "archive@example.by"
    });
    db.create_organisation(&draft, Utc::now()).await.unwrap();
    db.close().await;
}

#[test]
fn help_and_version_describe_the_program() {
    let help = zayava().arg("--help").output().unwrap();
    assert!(help.status.success());
    let text = String::from_utf8(help.stdout).unwrap();
    assert!(text.contains("organisations") && text.contains("--db"), "{text}");

    let version = zayava().arg("--version").output().unwrap();
    assert!(version.status.success());
    assert_eq!(String::from_utf8(version.stdout).unwrap().trim(), format!("zayava {}", env!("CARGO_PKG_VERSION")));
}

#[tokio::test]
async fn the_database_is_chosen_by_flag_or_by_the_same_variable_the_app_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zayava.sqlite3");
    database_with_one_profile(&path).await;

    let by_flag = zayava().args(["organisations", "list", "--json", "--db"]).arg(&path).output().unwrap();
    assert!(by_flag.status.success(), "{}", String::from_utf8_lossy(&by_flag.stderr));
    let list: serde_json::Value = serde_json::from_slice(&by_flag.stdout).unwrap();
    assert_eq!(list[0]["name"], "ГУ «Архив»");
    assert_eq!(list[0]["unp"], "690314863");

    let by_env = zayava().args(["organisations", "list"]).env("ZAYAVA_DB", &path).output().unwrap();
    let table = String::from_utf8(by_env.stdout).unwrap();
    assert!(table.contains("ГУ «Архив»") && table.contains("690314863"), "{table}");
}

/// Unix only: there the data directory follows XDG_DATA_HOME, so the test can move it. On
/// Windows it is the Roaming AppData known folder, which no environment variable moves, and the
/// test would create the user's real database.
#[cfg(unix)]
#[test]
fn without_an_override_the_default_path_is_under_the_app_data_directory() {
    let home = tempfile::tempdir().unwrap();
    let out = zayava().arg("info").env("HOME", home.path()).env("XDG_DATA_HOME", home.path().join("data")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = home.path().join("data/by.zayava.desktop/zayava.sqlite3");
    assert!(text.contains(&expected.display().to_string()), "{text}");
    assert!(expected.exists());
}

#[test]
fn an_unknown_command_fails_with_a_usage_message() {
    let out = zayava().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("frobnicate"));
}
