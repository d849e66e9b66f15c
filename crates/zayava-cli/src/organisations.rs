//! `zayava organisations list|show|add`: organisation profiles (`zayava_app::organisations`).

use std::path::PathBuf;

use zayava_app::{organisations, Now};
use zayava_core::date_format::human_date_time;
use zayava_core::forms;
use zayava_core::i18n::Lang;
use zayava_store::Database;

use crate::table::{headings, print_json, say_with, Table};
use crate::{values, Failure};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Lists the stored organisation profiles (the archived ones with --archived).
    List {
        /// Also list the archived profiles.
        #[arg(long)]
        archived: bool,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Shows one profile, field by field.
    Show {
        /// The profile's number, as `list` shows it.
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Adds a profile; refused, storing nothing, when a field is wrong (each one is named).
    Add {
        /// A JSON object of the profile's fields (as `show --json` prints under "values").
        #[arg(long, value_name = "FILE.json")]
        from: Option<PathBuf>,
        /// One field: FIELD=VALUE (repeatable; over --from). E.g. --set unp=690314863
        #[arg(long = "set", value_name = "FIELD=VALUE")]
        sets: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Archives a profile: its applications keep it, it leaves the lists (--undo brings it back).
    Archive {
        id: i64,
        #[arg(long)]
        undo: bool,
    },
    /// Deletes a profile no application names (one that has applications can be archived).
    Delete {
        id: i64,
    },
}

fn updated(text: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(text).map(|t| human_date_time(t.with_timezone(&chrono::Local).naive_local())).unwrap_or_else(|_| text.to_string())
}

pub async fn run(command: Command, db: &Database, lang: Lang) -> Result<(), Failure> {
    match command {
        Command::List { archived, json } => {
            let list: Vec<_> = organisations::list(db).await?.into_iter().filter(|o| archived || !o.archived).collect();
            if json {
                return print_json(&list);
            }
            let mut t = Table::new(&headings(lang, &["cli-col-no", "cli-col-unp", "cli-col-name", "cli-col-changed"]));
            for o in &list {
                t.row(vec![o.id.to_string(), o.unp.clone(), o.name.clone(), updated(&o.updated_at)]);
            }
            print!("{}", t.render());
            Ok(())
        }
        Command::Show { id, json } => {
            let o = organisations::show(db, id).await?;
            if json {
                return print_json(&o);
            }
            print!("{}", values::table(forms::organisation(), &o.values, lang).render());
            Ok(())
        }
        Command::Add { from, sets, json } => {
            let values = values::gather(forms::organisation(), from.as_deref(), &sets)?;
            let o = organisations::add(db, &values, Now::read()).await?;
            if json {
                return print_json(&o);
            }
            println!("{}", say_with(lang, "cli-organisation-added", &[("id", &o.id.to_string()), ("name", &o.name)]));
            Ok(())
        }
        Command::Archive { id, undo } => {
            let o = organisations::archive(db, id, !undo, Now::read()).await?;
            let key = if undo { "cli-organisation-unarchived" } else { "cli-organisation-archived" };
            println!("{}", say_with(lang, key, &[("name", &o.name)]));
            Ok(())
        }
        Command::Delete { id } => {
            let name = organisations::show(db, id).await?.name;
            organisations::delete(db, id).await?;
            println!("{}", say_with(lang, "cli-organisation-deleted", &[("name", &name)]));
            Ok(())
        }
    }
}
