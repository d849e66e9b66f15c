//! Zayava's domain: what an organisation is, how its fields are checked, how deadlines are
//! counted. Pure: no IO, no Tauri, no clock reads — `today` and `now` are always passed in.

pub mod calendar;
pub mod correspondence;
pub mod date_format;
pub mod deadlines;
pub mod error_code;
pub mod forms;
pub mod i18n;
pub mod ics;
pub mod lifecycle;
pub mod operator_number;
pub mod organisation;
pub mod reminders;
pub mod rules;
pub mod validation;
