//! The spec (`docs/operator-api.yaml`), built in: a pushed batch is checked against the spec's
//! own schemas, so the server refuses as malformed exactly what the spec says is, and the two
//! cannot drift apart. What the schemas cannot say (an unknown service or application, an id
//! that is not the entity) is settled item by item.

use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::Value;

const SPEC: &str = include_str!("../../../docs/operator-api.yaml");

/// The most characters of a value quoted back in an error.
const QUOTED: usize = 300;

fn batch_request() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| {
        let mut root: Value = serde_yaml::from_str(SPEC).expect("the built-in spec is YAML (a unit test holds it)");
        root["$ref"] = Value::String("#/components/schemas/BatchRequest".into());
        jsonschema::options().with_draft(jsonschema::Draft::Draft202012).build(&root).expect("the built-in spec's schemas compile (a unit test holds it)")
    })
}

/// The first way `body` breaks the spec's `BatchRequest`, in words that name the place.
pub fn batch_error(body: &Value) -> Option<String> {
    let e = batch_request().iter_errors(body).next()?;
    let what: String = e.to_string().chars().take(QUOTED).collect();
    Some(format!("{what} (at {})", if e.instance_path.as_str().is_empty() { "/" } else { e.instance_path.as_str() }))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::batch_error;

    #[test]
    fn the_built_in_spec_takes_a_good_batch_and_names_the_place_of_a_bad_one() {
        let good = json!({ "items": [{ "idempotency_key": "0123456789abcdef", "kind": "organisation", "entity": "x",
                                       "payload": { "id": "00000000-0000-4000-8000-000000000000", "profile": {} } }] });
        assert_eq!(batch_error(&good), None);
        let mut short = good.clone();
        short["items"][0]["idempotency_key"] = json!("short");
        assert!(batch_error(&short).unwrap().contains("/items/0/idempotency_key"), "{:?}", batch_error(&short));
        let mut stringly = good.clone();
        stringly["items"][0]["payload"] = json!("{}");
        assert!(batch_error(&stringly).is_some());
        let mut float = good;
        float["items"][0]["base_revision"] = json!(2.0);
        assert_eq!(batch_error(&float), None, "2.0 is an integer to JSON Schema");
    }
}
