//! The Operator's numbers a user may type by hand, from a letter, before sync brings the
//! Operator's own: the registration number of the application and the contract number.
//! Sync's value always takes the place of a typed one.

use crate::i18n::Text;
use crate::validation::{FieldIssue, IssueCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperatorNumber {
    Registration,
    Contract,
}

impl OperatorNumber {
    /// The longest number kept.
    pub const MAX_LEN: usize = 64;

    /// The field the number is kept under (as the Operator's API names it).
    pub fn field(self) -> &'static str {
        match self {
            OperatorNumber::Registration => "registration_number",
            OperatorNumber::Contract => "contract_number",
        }
    }

    pub fn label(self) -> Text {
        match self {
            OperatorNumber::Registration => Text::id("core-operator-number-the-operators-registration-number"),
            OperatorNumber::Contract => Text::id("core-operator-number-contract-number"),
        }
    }

    /// `field` and `value` as typed → the number and its trimmed value (empty: remove it), or
    /// what is wrong, named by the field.
    pub fn checked(field: &str, value: &str) -> Result<(OperatorNumber, String), FieldIssue> {
        let number = [OperatorNumber::Registration, OperatorNumber::Contract]
            .into_iter()
            .find(|n| n.field() == field)
            .ok_or_else(|| FieldIssue::new(field, Text::id("core-operator-number-field"), IssueCode::Malformed))?;
        let value = value.trim();
        if value.chars().count() > Self::MAX_LEN {
            return Err(FieldIssue::new(field, number.label(), IssueCode::TooLong).with_limit(Self::MAX_LEN));
        }
        Ok((number, value.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_trimmed_and_an_unknown_field_or_an_overlong_number_is_refused_by_its_field() {
        assert_eq!(OperatorNumber::checked("contract_number", " Д-5 ").unwrap(), (OperatorNumber::Contract, "Д-5".to_string()));
        assert_eq!(OperatorNumber::checked("registration_number", "  ").unwrap().1, "");
        let long = OperatorNumber::checked("contract_number", &"7".repeat(65)).unwrap_err();
        assert_eq!((long.field.as_str(), long.code), ("contract_number", IssueCode::TooLong));
        assert_eq!(OperatorNumber::checked("remarks", "x").unwrap_err().field, "remarks");
    }
}
