//! Validators against real numbers (python-stdnum's test vectors, banks' published
//! accounts) and the typos people make.

use super::*;

fn ok(check: fn(&str) -> Result<String, Problem>, v: &str) -> String {
    check(v).unwrap_or_else(|p| panic!("{v:?} refused: {}", p.hint.get(crate::i18n::Lang::En)))
}

fn code(check: fn(&str) -> Result<String, Problem>, v: &str) -> IssueCode {
    match check(v) {
        Ok(n) => panic!("{v:?} accepted as {n:?}"),
        Err(p) => p.code,
    }
}

#[test]
fn unp_accepts_real_numbers_of_organisations_and_entrepreneurs() {
    for v in [
        "100217336", "100693551", "100864035", "101288529", "190658169", "191682495", "192988109", "200019773",
        "290380347", "400051902", "490127567", "500037201", "591705582", "690314863", "791022114", "200988541",
    ] {
        assert_eq!(ok(unp, v), v);
    }
    assert_eq!(ok(unp, "MA1953684"), "MA1953684");
    assert_eq!(ok(unp, "УНП МА1953684"), "MA1953684", "Cyrillic look-alikes and the УНП prefix");
    assert_eq!(ok(unp, " 100 217 336 "), "100217336");
}

#[test]
fn unp_refuses_wrong_check_digits_shapes_and_regions() {
    assert_eq!(code(unp, "200988542"), IssueCode::Checksum);
    assert_eq!(code(unp, "711953681"), IssueCode::Checksum, "the check digit would have to be 10");
    assert_eq!(code(unp, "5917DDD82"), IssueCode::Malformed);
    assert_eq!(code(unp, "991705588"), IssueCode::Malformed, "no region 9");
    assert_eq!(code(unp, "M01953684"), IssueCode::Malformed);
    assert_eq!(code(unp, "7A1953689"), IssueCode::Malformed);
    assert_eq!(code(unp, "10021733"), IssueCode::Malformed);
    assert_eq!(code(unp, "1002173366"), IssueCode::Malformed);
    assert_eq!(code(unp, ""), IssueCode::Malformed);
}

#[test]
fn iban_accepts_belarusian_accounts_in_any_spacing_and_case() {
    for v in ["BY13NBRB3600900000002Z00AB00", "BY86AKBB10100000002966000000", "BY20OLMP31350000001000000933", "BY12NBRB36009200000080000000"] {
        assert_eq!(ok(iban, v), v);
    }
    assert_eq!(ok(iban, "by86 akbb 1010 0000 0029 6600 0000"), "BY86AKBB10100000002966000000");
}

#[test]
fn iban_refuses_typos_wrong_lengths_and_other_countries() {
    assert_eq!(code(iban, "BY14NBRB3600900000002Z00AB00"), IssueCode::Checksum);
    assert_eq!(code(iban, "BY13NBRB3600900000002Z00AB01"), IssueCode::Checksum);
    assert_eq!(code(iban, "BY56PJCB3012076587100000093"), IssueCode::Malformed);
    assert_eq!(code(iban, "BY13NBRBX600900000002Z00AB00"), IssueCode::Malformed);
    assert_eq!(code(iban, "DE89370400440532013000"), IssueCode::Malformed);
    assert_eq!(code(iban, "BY00PJCB00000000000000000000"), IssueCode::Checksum);
}

#[test]
fn bic_is_8_or_11_characters_with_a_letter_bank_and_country() {
    for v in ["NBRBBY2X", "AKBBBY2X", "PJCBBY2X", "MTBKBY22", "AKBBBY2X100"] {
        assert_eq!(ok(bic, v), v);
    }
    assert_eq!(ok(bic, "akbbby2x"), "AKBBBY2X");
    for v in ["AKBBBY2", "1KBBBY2X", "AGRIF2PP", "AKBBBY2X1", ""] {
        assert_eq!(code(bic, v), IssueCode::Malformed, "{v}");
    }
}

#[test]
fn email_addresses() {
    for v in ["info@nces.by", "ds@nces.by", "first.last+tag@mail.example.com", "почта@сайт.бел"] {
        assert_eq!(ok(email, v), v);
    }
    for v in ["info@", "@nces.by", "info nces.by", "info@nces", "a@b..by", ".a@nces.by", "a@-nces.by", "a@nces.b1"] {
        assert_eq!(code(email, v), IssueCode::Malformed, "{v}");
    }
}

#[test]
fn a_stored_phone_prints_as_people_write_it_on_one_line() {
    assert_eq!(phone_display("+375291234567"), "+375\u{a0}29\u{a0}123-45-67");
    assert_eq!(phone_display("+375173113000"), "+375\u{a0}17\u{a0}311-30-00");
    assert_eq!(phone_display("+375162123456"), "+375\u{a0}162\u{a0}12-34-56");
    // What was never checked prints as it is.
    assert_eq!(phone_display("8 029 1234567"), "8 029 1234567");
    assert_eq!(phone_display("+3752912345ю7"), "+3752912345ю7");
}

#[test]
fn phones_are_read_in_the_usual_belarusian_forms_and_stored_as_e164() {
    for typed in ["+375 29 123-45-67", "+375 (29) 123-45-67", "375291234567", "8029 123-45-67", "80291234567", "8 (029) 123-45-67", "(029) 123-45-67", "29 123 45 67", "+375.29.123.45.67"] {
        assert_eq!(ok(phone, typed), "+375291234567", "{typed}");
    }
    assert_eq!(ok(phone, "+375 17 311-30-00"), "+375173113000");
    assert_eq!(ok(phone, "8 017 311-30-00"), "+375173113000");
    assert_eq!(ok(phone, "+375447654321"), "+375447654321");
    assert_eq!(ok(phone, "8 0152 12-34-56"), "+375152123456");
}

#[test]
fn phones_of_other_countries_or_unknown_codes_or_wrong_lengths_are_refused() {
    for v in ["+37529123456", "+3752912345678", "+375301234567", "+375241234567", "+375251234567", "80301234567", "2912345", "8291234567", "90291234567", "+7 495 123-45-67", "+375 29 abc-45-67", "3752912345678", ""] {
        assert_eq!(code(phone, v), IssueCode::Malformed, "{v}");
    }
}

#[test]
fn postcodes_are_six_digits() {
    assert_eq!(ok(postcode, "220140"), "220140");
    for v in ["22014", "2201400", "22O140", ""] {
        assert_eq!(code(postcode, v), IssueCode::Malformed, "{v}");
    }
}

#[test]
fn procedure_codes_look_like_1_1_5() {
    for v in ["1.1.5", "18.7", "11.10.1", "1.1.5-1", "2.1.1.1"] {
        assert_eq!(ok(ap_code, v), v);
    }
    for v in ["1", "1.", ".1.5", "1..5", "a.b", "1.1.5.", "01.1", "0.1", "1.1.5-", "1.1.5-x", "1,1,5"] {
        assert_eq!(code(ap_code, v), IssueCode::Malformed, "{v}");
    }
}

#[test]
fn every_kind_is_listed_once_by_its_cli_name() {
    let ids: Vec<&str> = KINDS.iter().map(|k| k.id).collect();
    assert_eq!(ids, ["unp", "iban", "bic", "email", "phone", "postcode", "ap_code"]);
    assert!(kind("iban").is_some() && kind("inn").is_none());
}
