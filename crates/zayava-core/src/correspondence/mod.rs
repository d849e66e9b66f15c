//! Where things are sent to the Operator, as data: its name and address for the letters'
//! addressee block, and, per service, the postal address and e-mail the seed names for an
//! application (seed 002, cl. 3.3: «нарочно или почтовым отправлением по адресу: 220140,
//! г. Минск, ул. Притыцкого, 64; … посредством электронной почты info@nces.by»). The
//! notices' addresses (ds@nces.by) stay with their rules in the rulebook.

use serde::Deserialize;

use crate::i18n::{Lang, Words};

const EMBEDDED: &str = include_str!("correspondence.json");

#[derive(Debug, Clone, Deserialize)]
pub struct Correspondence {
    pub operator: Operator,
    pub services: Vec<Route>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Operator {
    /// The full name, as an addressee block opens.
    pub name: Words,
    /// Its location (seed 001, section 6), where a service's seed names no other address.
    pub location: Words,
}

/// How a service's application reaches the Operator, where its seed says.
#[derive(Debug, Clone, Deserialize)]
pub struct Route {
    pub service: String,
    /// The postal address applications go to.
    pub post: Option<Words>,
    /// The inbox that takes applications by e-mail; `None` where the seed allows no e-mail.
    pub email: Option<String>,
    /// The clause that names these.
    pub clause: String,
}

impl Correspondence {
    /// The embedded data; it is checked by the tests, so reading it cannot fail.
    pub fn shared() -> &'static Correspondence {
        static DATA: std::sync::OnceLock<Correspondence> = std::sync::OnceLock::new();
        DATA.get_or_init(|| serde_json::from_str(EMBEDDED).expect("correspondence.json is checked by its tests"))
    }

    pub fn route(&self, service: &str) -> Option<&Route> {
        self.services.iter().find(|r| r.service == service)
    }

    /// The addressee block of a letter about `service`: the Operator's name, then the
    /// address its seed sends applications to (or the Operator's location).
    pub fn addressee(&self, service: &str, lang: Lang) -> Vec<String> {
        let address = self.route(service).and_then(|r| r.post.as_ref()).unwrap_or(&self.operator.location);
        vec![self.operator.name.get(lang).to_string(), address.get(lang).to_string()]
    }

    /// The inbox an application of `service` may be e-mailed to, with the clause allowing it.
    pub fn application_inbox(&self, service: &str) -> Option<(&str, &str)> {
        self.route(service).and_then(|r| r.email.as_deref().map(|e| (e, r.clause.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_reads_and_names_only_services_of_the_rulebook() {
        let data: Correspondence = serde_json::from_str(EMBEDDED).unwrap();
        for route in &data.services {
            assert!(crate::rules::Rulebook::shared().service(&route.service).is_some(), "{}", route.service);
        }
    }

    #[test]
    fn a_constructor_application_goes_to_the_address_and_inbox_of_seed_002() {
        let c = Correspondence::shared();
        assert_eq!(c.application_inbox("constructor"), Some(("info@nces.by", "3.3")));
        assert_eq!(c.addressee("constructor", Lang::Ru)[1], "220140, г. Минск, ул. Притыцкого, 64");
        assert!(c.addressee("constructor", Lang::Ru)[0].contains("Национальный центр электронных услуг"));
    }

    #[test]
    fn other_services_allow_no_email_and_are_addressed_to_the_operators_location() {
        let c = Correspondence::shared();
        for service in ["hosting", "one-window", "kvp", "interaction"] {
            assert_eq!(c.application_inbox(service), None, "{service}");
            assert_eq!(c.addressee(service, Lang::Ru)[1], "220004, г. Минск, ул. Раковская, 14");
        }
    }
}
