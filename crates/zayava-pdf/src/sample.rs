//! A realistic sample application, for the benchmark and for looking at the layout: a
//! one-window application of a budget organisation with enough users for a 10-page package.

use serde_json::{json, Value};

pub fn organisation() -> Value {
    json!({
        "full_name": "Учреждение образования «Брестский государственный колледж имени Героя Советского Союза»", "short_name": "УО «БГК»",
        "legal_form": "учреждение", "kind": "budget_funded", "unp": "200019773", "legal_postcode": "224030",
        "legal_address": "г. Брест, вул. Савецкая, 1", "postal_postcode": "224030", "postal_address": "г. Брест, а/я 12",
        "iban": "BY13NBRB3600900000002Z00AB00", "bank_name": "Национальный банк Республики Беларусь", "bic": "NBRBBY2X",
        "head_position": "Директор", "head_name": "Ўладзімір Іванавіч Шчэрбаў", "head_basis": "Устава",
        "contact_name": "Петрова Анна Сергеевна", "phone": "+375162123456", "email": "college@example.by"
    })
}

pub fn one_window(users: usize) -> Value {
    let users: Vec<Value> = (0..users)
        .map(|i| json!({ "full_name": format!("Пользователь № {} Іван Ўладзіміравіч", i + 1), "position": "Специалист отдела кадров", "email": format!("user{}@example.by", i + 1), "key": "gossuok", "procedures": "1.1.5, 2.1, 2.4, 10.7" }))
        .collect();
    json!({ "contracting_name": "УО «БГК»", "users": users, "tariff_users": 100, "access": "vpn",
        "keys": true, "head_cabinet": true, "org_cabinet": true, "users_cabinets": true, "users_added": true, "users_confirmed": true, "no_debts": true })
}
