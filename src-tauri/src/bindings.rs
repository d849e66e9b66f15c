//! What crosses IPC, in TypeScript, generated from the Rust definitions: the types (by
//! ts-rs) into `ui/src/bindings.ts`, and one typed call per `#[tauri::command]` (read from
//! `src/commands/` with syn) into `ui/src/commands.ts`. Tests fail when either checked-in
//! file is stale, or a command uses a type the bindings lack; regenerate both with
//! `ZAYAVA_WRITE_BINDINGS=1 cargo test -p zayava-desktop bindings`.

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    use crate::commands::settings::AppInfo;
    use zayava_app::Problem;
    use zayava_core::calendar::view::{DayClass, DayView, MonthView};
    use zayava_core::calendar::{Transfer, TransferOrigin, YearTransfers};
    use zayava_core::deadlines::explain::{BaseExplained, Explanation, PeriodExplained, SkipReason, SkippedDay, WorkedDay};
    use zayava_core::deadlines::report::{Item, Report};
    use zayava_core::i18n::Lang;
    use zayava_core::rules::{EventKind, EventSpec, FactOption, FactSpec, FactType, Party, RuleKind, ServiceInputs, Words};
    use zayava_app::applications::{ApplicationPage, ApplicationView, Page};
    use zayava_app::ics::IcsExport;
    use zayava_app::mail::{Letter, MailRecord, PreparedMail};
    use zayava_app::printing::PrintedPdf;
    use zayava_core::lifecycle::{DeadlineStatus, NewEvent, Notice, RecordedEvent, Recorder, Timeline, TimelineDeadline, TimelineEvent, Unplaced, Void, CalculatedVerdict};
    use zayava_store::lifecycle::{DashboardQuery, DueEntry};
    use zayava_core::forms::preflight::{Finding, Preflight};
    use zayava_core::forms::{Choice, Field, FieldRole, FieldType, FormKind, FormSchema, Ground, GroundCheck, When};
    use zayava_core::organisation::Organisation;
    use zayava_app::organisations::{ProfileCheck, SameUnp};
    use zayava_store::applications::{Application, ApplicationFilter, ApplicationStatus, ApplicationSummary, Outgoing};
    use zayava_store::attachments::AttachmentRef;
    use zayava_core::validation::{FieldError, IssueCode};
    use zayava_core::error_code::ErrorCode;
    use zayava_app::sync::{RunStatus, SyncOverview};
    use zayava_app::safety::StagedRestore;
    use zayava_app::calculator::Calculation;
    use zayava_app::spreadsheet::{Registry, XlsxExport};
    use zayava_pdf::Kind as PdfKind;
    use zayava_store::safety::{Backup, BackupKind};
    use zayava_store::sync::{OutboxCounts, Resolution, SyncConflict, SyncIdentity, SyncIssue, SyncState};
    use zayava_sync::{SyncProgress, SyncReport};

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/bindings.ts");

    fn declaration<T: TS>(cfg: &Config) -> String {
        format!("export {}\n", T::decl(cfg))
    }

    fn typescript() -> String {
        // IDs are i64 in Rust but travel as JSON numbers, so they are `number` in TypeScript.
        let cfg = Config::new().with_large_int("number");
        let parts = [
            declaration::<Lang>(&cfg),
            declaration::<IssueCode>(&cfg),
            declaration::<ErrorCode>(&cfg),
            declaration::<FieldError>(&cfg),
            declaration::<Problem>(&cfg),
            declaration::<AppInfo>(&cfg),
            declaration::<Organisation>(&cfg),
            declaration::<SameUnp>(&cfg),
            declaration::<ProfileCheck>(&cfg),
            declaration::<Transfer>(&cfg),
            declaration::<TransferOrigin>(&cfg),
            declaration::<YearTransfers>(&cfg),
            declaration::<DayClass>(&cfg),
            declaration::<DayView>(&cfg),
            declaration::<MonthView>(&cfg),
            declaration::<Words>(&cfg),
            declaration::<EventKind>(&cfg),
            declaration::<EventSpec>(&cfg),
            declaration::<FactOption>(&cfg),
            declaration::<FactType>(&cfg),
            declaration::<FactSpec>(&cfg),
            declaration::<ServiceInputs>(&cfg),
            declaration::<Party>(&cfg),
            declaration::<RuleKind>(&cfg),
            declaration::<SkipReason>(&cfg),
            declaration::<SkippedDay>(&cfg),
            declaration::<WorkedDay>(&cfg),
            declaration::<BaseExplained>(&cfg),
            declaration::<PeriodExplained>(&cfg),
            declaration::<Explanation>(&cfg),
            declaration::<Item>(&cfg),
            declaration::<Report>(&cfg),
            declaration::<FieldType>(&cfg),
            declaration::<Choice>(&cfg),
            declaration::<When>(&cfg),
            declaration::<FieldRole>(&cfg),
            declaration::<Field>(&cfg),
            declaration::<GroundCheck>(&cfg),
            declaration::<Ground>(&cfg),
            declaration::<FormKind>(&cfg),
            declaration::<FormSchema>(&cfg),
            declaration::<Finding>(&cfg),
            declaration::<Preflight>(&cfg),
            declaration::<ApplicationStatus>(&cfg),
            declaration::<Outgoing>(&cfg),
            declaration::<Application>(&cfg),
            declaration::<ApplicationSummary>(&cfg),
            declaration::<ApplicationFilter>(&cfg),
            declaration::<AttachmentRef>(&cfg),
            declaration::<ApplicationView>(&cfg),
            declaration::<Recorder>(&cfg),
            declaration::<RecordedEvent>(&cfg),
            declaration::<NewEvent>(&cfg),
            declaration::<DeadlineStatus>(&cfg),
            declaration::<Notice>(&cfg),
            declaration::<TimelineDeadline>(&cfg),
            declaration::<Void>(&cfg),
            declaration::<CalculatedVerdict>(&cfg),
            declaration::<Calculation>(&cfg),
            declaration::<Unplaced>(&cfg),
            declaration::<TimelineEvent>(&cfg),
            declaration::<Timeline>(&cfg),
            declaration::<DashboardQuery>(&cfg),
            declaration::<DueEntry>(&cfg),
            declaration::<IcsExport>(&cfg),
            declaration::<Registry>(&cfg),
            declaration::<XlsxExport>(&cfg),
            declaration::<Page>(&cfg),
            declaration::<ApplicationPage>(&cfg),
            declaration::<PdfKind>(&cfg),
            declaration::<PrintedPdf>(&cfg),
            declaration::<Letter>(&cfg),
            declaration::<MailRecord>(&cfg),
            declaration::<PreparedMail>(&cfg),
            declaration::<OutboxCounts>(&cfg),
            declaration::<SyncState>(&cfg),
            declaration::<SyncIdentity>(&cfg),
            declaration::<SyncIssue>(&cfg),
            declaration::<SyncConflict>(&cfg),
            declaration::<Resolution>(&cfg),
            declaration::<SyncProgress>(&cfg),
            declaration::<SyncReport>(&cfg),
            declaration::<RunStatus>(&cfg),
            declaration::<zayava_app::calendar::Recomputing>(&cfg),
            declaration::<SyncOverview>(&cfg),
            declaration::<BackupKind>(&cfg),
            declaration::<Backup>(&cfg),
            declaration::<StagedRestore>(&cfg),
        ];
        format!(
            "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand.\n\n{}",
            parts.join("\n")
        )
    }

    #[test]
    fn checked_in_bindings_match_the_rust_types() {
        let fresh = typescript();
        if std::env::var_os("ZAYAVA_WRITE_BINDINGS").is_some() {
            std::fs::write(PATH, &fresh).expect("write bindings");
            return;
        }
        let current = std::fs::read_to_string(PATH).unwrap_or_default();
        assert!(
            current == fresh,
            "ui/src/bindings.ts is stale; regenerate it with ZAYAVA_WRITE_BINDINGS=1 cargo test -p zayava-desktop bindings"
        );
    }

    const COMMANDS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/commands.ts");

    /// The TypeScript of a Rust type in a command's signature. Named types keep their name
    /// (ts-rs exports them under it), save the two renamed for the page.
    fn ts_type(ty: &syn::Type) -> String {
        let syn::Type::Path(path) = ty else {
            return match ty {
                syn::Type::Reference(r) => ts_type(&r.elem),
                syn::Type::Tuple(t) if t.elems.is_empty() => "void".into(),
                other => panic!("a command type the generator does not know: {}", quote::quote!(#other)),
            };
        };
        let last = path.path.segments.last().expect("a type name");
        let args: Vec<String> = match &last.arguments {
            syn::PathArguments::AngleBracketed(a) => a.args.iter().filter_map(|g| if let syn::GenericArgument::Type(t) = g { Some(ts_type(t)) } else { None }).collect(),
            _ => vec![],
        };
        match last.ident.to_string().as_str() {
            "String" | "str" => "string".into(),
            "i32" | "i64" | "u32" | "u64" | "usize" | "f64" => "number".into(),
            "bool" => "boolean".into(),
            "Value" => "Record<string, unknown>".into(),
            "Option" => format!("{} | null", args[0]),
            "Vec" => format!("{}[]", args[0]),
            "BTreeMap" | "HashMap" => format!("Record<{}, {}>", args[0], args[1]),
            "Result" => args[0].clone(),
            "Problem" => "IpcError".into(),
            "Kind" => "PdfKind".into(),
            name => name.to_string(),
        }
    }

    fn camel(name: &str) -> String {
        let mut out = String::new();
        let mut upper = false;
        for c in name.chars() {
            if c == '_' {
                upper = true;
            } else if upper {
                out.extend(c.to_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    }

    /// One typed call per command, in the order build.rs registers them.
    fn commands_typescript() -> (String, std::collections::BTreeSet<String>) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src-tauri/src/commands");
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "rs")).collect();
        files.sort();
        let mut lines = Vec::new();
        let mut named = std::collections::BTreeSet::new();
        for file in files {
            let parsed = syn::parse_file(&std::fs::read_to_string(&file).unwrap()).unwrap();
            for item in parsed.items {
                let syn::Item::Fn(f) = item else { continue };
                if !f.attrs.iter().any(|a| a.path().segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>() == ["tauri", "command"]) {
                    continue;
                }
                let name = f.sig.ident.to_string();
                let mut params = Vec::new();
                let mut keys = Vec::new();
                for input in &f.sig.inputs {
                    let syn::FnArg::Typed(arg) = input else { continue };
                    let syn::Pat::Ident(ident) = &*arg.pat else { continue };
                    // What Tauri gives the command itself, not the page.
                    let given = match &*arg.ty {
                        syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| ["AppHandle", "State", "Window", "WebviewWindow"].contains(&s.ident.to_string().as_str())),
                        _ => false,
                    };
                    if given {
                        continue;
                    }
                    let key = camel(&ident.ident.to_string());
                    params.push(format!("{key}: {}", ts_type(&arg.ty)));
                    keys.push(key);
                }
                let ret = match &f.sig.output {
                    syn::ReturnType::Default => "void".to_string(),
                    syn::ReturnType::Type(_, t) => ts_type(t),
                };
                for t in params.iter().map(|p| p.split(": ").nth(1).unwrap().to_string()).chain([ret.clone()]) {
                    named.extend(t.split(|c: char| !c.is_alphanumeric()).filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && *w != "Record").map(str::to_string));
                }
                let args = if keys.is_empty() { String::new() } else { format!(", {{ {} }}", keys.join(", ")) };
                lines.push(format!("  {}: ({}) => call<{ret}>(\"{name}\"{args}),", camel(&name), params.join(", ")));
            }
        }
        let imports = named.iter().map(|n| format!("  {n},")).collect::<Vec<_>>().join("\n");
        let text = format!(
            "// Generated from the #[tauri::command] functions in src-tauri/src/commands/ by\n// src-tauri/src/bindings.rs. Do not edit by hand.\n\nimport type {{\n{imports}\n}} from \"./bindings\";\nimport {{ call }} from \"./ipc\";\n\n/** Every command the page may call, typed from its Rust signature. */\nexport const commands = {{\n{}\n}};\n",
            lines.join("\n")
        );
        (text, named)
    }

    #[test]
    fn checked_in_command_calls_match_the_rust_commands_and_every_type_they_use_is_bound() {
        let (fresh, named) = commands_typescript();
        let bindings = typescript();
        for name in &named {
            assert!(bindings.contains(&format!("export type {name} ")), "a command uses {name}, which bindings.ts does not export: add it to typescript()");
        }
        if std::env::var_os("ZAYAVA_WRITE_BINDINGS").is_some() {
            std::fs::write(COMMANDS_PATH, &fresh).expect("write commands.ts");
            return;
        }
        let current = std::fs::read_to_string(COMMANDS_PATH).unwrap_or_default();
        assert!(current == fresh, "ui/src/commands.ts is stale; regenerate it with ZAYAVA_WRITE_BINDINGS=1 cargo test -p zayava-desktop bindings");
    }
}
