//! Three-way merge of saved JSON: the changes two tabs made to the same starting point, combined.
//!
//! Objects merge key by key, arrays of objects that carry a unique `id` merge element by element (rows, criteria,
//! self-checks), and arrays of plain values merge as sets (information forms, linked items). Where both sides
//! changed one value differently, `mine` wins: the caller is the tab writing its own change now, so its change is
//! the later one. Any other array, or values of different kinds, count as one value.
//!
//! A value that is absent counts as the same as an empty one (`""`, `null`, `false`, `[]`, `{}`): the app leaves
//! out empty fields and drops empty entries, so "no answer yet" and "an answer with an empty note" must not look
//! like two different changes.
use serde_json::{Map, Value};

/// One step of a path into saved JSON.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// An object's key (a field, or a map's key such as an item ID).
    Key(String),
    /// The element with this `id` of an array of objects.
    Id(String),
    /// Membership of this value (as JSON text) in an array of plain values: present or absent.
    Member(String),
}

/// Where a value is in saved JSON.
pub type Path = Vec<Step>;

/// A path of keys, for tests and callers that know the shape.
pub fn keys(steps: &[&str]) -> Path {
    steps.iter().map(|s| Step::Key((*s).to_owned())).collect()
}

/// True for the values the app treats as "nothing here".
pub fn is_empty(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) | Some(Value::Bool(false)) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.values().all(|v| is_empty(Some(v))),
        Some(Value::Number(_)) | Some(Value::Bool(true)) => false,
    }
}

/// Equal, counting absent and empty values as the same.
pub fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            x.iter().all(|(k, v)| same(Some(v), y.get(k)))
                && y.iter().all(|(k, v)| x.contains_key(k) || is_empty(Some(v)))
        }
        (Some(x), Some(y)) if x == y => true,
        // In order: the order of rows and of classification labels means something.
        (Some(Value::Array(x)), Some(Value::Array(y))) if !x.is_empty() && !y.is_empty() => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(Some(a), Some(b)))
        }
        _ => is_empty(a) && is_empty(b),
    }
}

/// The `id`s of an array whose elements are all objects with a string `id`, each once; `None` for any other
/// array.
fn ids(array: &[Value]) -> Option<Vec<&str>> {
    let mut seen = std::collections::BTreeSet::new();
    array
        .iter()
        .map(|v| v.get("id").and_then(Value::as_str).filter(|id| seen.insert(*id)))
        .collect::<Option<Vec<&str>>>()
}

fn by_id<'a>(array: &'a [Value], id: &str) -> Option<&'a Value> {
    array.iter().find(|v| v.get("id").and_then(Value::as_str) == Some(id))
}

fn is_plain(array: &[Value]) -> bool {
    array.iter().all(|v| !v.is_object() && !v.is_array())
}

/// How two or three values are to be combined, by their kind.
enum Shape<'a> {
    Objects,
    /// Arrays of objects with unique IDs: the arrays, or empty where absent.
    Rows([&'a [Value]; 3]),
    /// Arrays of plain values, merged as sets.
    Set([&'a [Value]; 3]),
    Other,
}

fn shape<'a>(values: [Option<&'a Value>; 3]) -> Shape<'a> {
    let present: Vec<&Value> = values.iter().flatten().copied().collect();
    if present.iter().all(|v| v.is_object() || v.is_null()) && present.iter().any(|v| v.is_object()) {
        return Shape::Objects;
    }
    if !present.iter().all(|v| v.is_array() || v.is_null()) {
        return Shape::Other;
    }
    let arrays = values.map(|v| v.and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]));
    if arrays.iter().all(|a| ids(a).is_some()) && arrays.iter().any(|a| !a.is_empty()) {
        Shape::Rows(arrays)
    } else if arrays.iter().all(|a| is_plain(a)) {
        Shape::Set(arrays)
    } else {
        Shape::Other
    }
}

fn object(v: Option<&Value>) -> Option<&Map<String, Value>> {
    v.and_then(Value::as_object)
}

/// The combined value of `base`, `mine` and `theirs` (`None`: absent).
pub fn merge<'a>(base: Option<&'a Value>, mine: Option<&'a Value>, theirs: Option<&'a Value>) -> Option<Value> {
    // Where both sides hold the same, theirs (what storage holds) is kept as it is written: a tab then has
    // nothing to write back, and two tabs never write the same thing in two spellings to each other in turn.
    if same(mine, theirs) {
        return theirs.cloned();
    }
    if same(base, theirs) {
        return mine.cloned();
    }
    if same(base, mine) {
        return theirs.cloned();
    }
    match shape([base, mine, theirs]) {
        Shape::Objects => {
            let empty = Map::new();
            let (b, m, t) = (object(base), object(mine), object(theirs));
            // Keys in mine's order, then theirs' new ones: the result reads like mine where it can.
            let mut keys: Vec<&String> = m.unwrap_or(&empty).keys().collect();
            keys.extend(t.unwrap_or(&empty).keys().filter(|k| !m.is_some_and(|m| m.contains_key(*k))));
            let mut out = Map::new();
            for key in keys {
                let get = |o: Option<&'a Map<String, Value>>| o.and_then(|o| o.get(key.as_str()));
                if let Some(v) = merge(get(b), get(m), get(t)) {
                    out.insert(key.clone(), v);
                }
            }
            Some(Value::Object(out))
        }
        Shape::Rows([b, m, t]) => Some(Value::Array(merge_rows(b, m, t))),
        Shape::Set([b, m, t]) => Some(Value::Array(merge_set(b, m, t))),
        Shape::Other => mine.cloned(),
    }
}

/// Elements by ID: each merged on its own; an element deleted on one side and changed on the other stays when
/// mine changed it. The order is theirs, unless mine reordered what both had.
fn merge_rows(b: &[Value], m: &[Value], t: &[Value]) -> Vec<Value> {
    let order = |a: &[Value]| ids(a).unwrap_or_default().into_iter().map(str::to_owned).collect::<Vec<String>>();
    let (base_order, mine_order, theirs_order) = (order(b), order(m), order(t));
    let common = |of: &[String], with: &[String]| of.iter().filter(|id| with.contains(id)).cloned().collect::<Vec<_>>();
    let mine_reordered = common(&mine_order, &base_order) != common(&base_order, &mine_order);
    let (first, second) = if mine_reordered { (&mine_order, &theirs_order) } else { (&theirs_order, &mine_order) };

    // A row deleted on one side and changed on the other is one value, and mine is the later change: merging
    // its fields would leave half a row.
    let merged = |id: &str| {
        let (bv, mv, tv) = (by_id(b, id), by_id(m, id), by_id(t, id));
        if (mv.is_none() || tv.is_none()) && !same(mv, tv) && !same(bv, mv) && !same(bv, tv) {
            mv.cloned()
        } else {
            merge(bv, mv, tv)
        }
    };
    let mut result: Vec<(String, Value)> = first.iter().filter_map(|id| merged(id).map(|v| (id.clone(), v))).collect();
    for (n, id) in second.iter().enumerate() {
        if result.iter().any(|(r, _)| r == id) {
            continue;
        }
        let Some(value) = merged(id) else { continue };
        // After the nearest element before it on its own side that the result holds (else first), and after the
        // elements the other side added there: two tabs' rows added at the end both end up at the end.
        let mut at = second[..n]
            .iter()
            .rev()
            .find_map(|before| result.iter().position(|(r, _)| r == before))
            .map_or(0, |p| p + 1);
        while result.get(at).is_some_and(|(r, _)| !base_order.contains(r) && !second.contains(r)) {
            at += 1;
        }
        result.insert(at, (id.clone(), value));
    }
    result.into_iter().map(|(_, v)| v).collect()
}

/// Plain values as a set: what either side added is in, what either side removed is out. What both kept stays in
/// theirs' order; what either added follows, in one order whichever side saves.
fn merge_set(b: &[Value], m: &[Value], t: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = t.iter().filter(|v| b.contains(v) && m.contains(v)).cloned().collect();
    let mut added: Vec<&Value> = m.iter().chain(t).filter(|v| !b.contains(v)).collect();
    added.sort_by_key(|v| v.to_string());
    for v in added {
        if !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

/// The value at `path` (`None`: absent). A [`Step::Member`] gives `true` when the value is in the array.
pub fn get<'a>(root: &'a Value, path: &[Step]) -> Option<&'a Value> {
    static TRUE: Value = Value::Bool(true);
    let mut at = root;
    for step in path {
        at = match step {
            Step::Key(k) => at.get(k)?,
            Step::Id(id) => by_id(at.as_array()?, id)?,
            Step::Member(json) => {
                let wanted: Value = serde_json::from_str(json).ok()?;
                return at.as_array()?.contains(&wanted).then_some(&TRUE);
            }
        };
    }
    Some(at)
}

/// Puts `value` at `path` (`None` removes it), creating objects on the way. Returns false when the path cannot be
/// followed (an element ID that is not there, a step through a plain value).
pub fn set(root: &mut Value, path: &[Step], value: Option<Value>) -> bool {
    let Some((last, parents)) = path.split_last() else {
        if let Some(v) = value {
            *root = v;
        }
        return true;
    };
    let mut at = root;
    for step in parents {
        at = match step {
            Step::Key(k) => {
                if at.is_null() {
                    *at = Value::Object(Map::new());
                }
                let Some(object) = at.as_object_mut() else { return false };
                object.entry(k.clone()).or_insert(Value::Null)
            }
            Step::Id(id) => {
                let Some(found) = at
                    .as_array_mut()
                    .and_then(|a| a.iter_mut().find(|v| v.get("id").and_then(Value::as_str) == Some(id)))
                else {
                    return false;
                };
                found
            }
            Step::Member(_) => return false,
        };
    }
    match last {
        Step::Key(k) => {
            if at.is_null() {
                *at = Value::Object(Map::new());
            }
            let Some(object) = at.as_object_mut() else { return false };
            match value {
                Some(v) => object.insert(k.clone(), v),
                None => object.remove(k),
            };
            true
        }
        Step::Id(id) => {
            if at.is_null() {
                *at = Value::Array(Vec::new());
            }
            let Some(array) = at.as_array_mut() else { return false };
            let position = array.iter().position(|v| v.get("id").and_then(Value::as_str) == Some(id));
            match (position, value) {
                (Some(p), Some(v)) => array[p] = v,
                (None, Some(v)) => array.push(v),
                (Some(p), None) => {
                    array.remove(p);
                }
                (None, None) => {}
            }
            true
        }
        Step::Member(json) => {
            let Ok(member) = serde_json::from_str::<Value>(json) else { return false };
            if at.is_null() {
                *at = Value::Array(Vec::new());
            }
            let Some(array) = at.as_array_mut() else { return false };
            let present = value.as_ref().is_some_and(|v| !is_empty(Some(v)));
            array.retain(|v| *v != member);
            if present {
                array.push(member);
            }
            true
        }
    }
}

/// Every place where `after` differs from `before`, as deep as the values merge ([`merge`]), with `after`'s
/// value there. Elements added or removed whole are one place; so is a change of an array that merges as one
/// value.
pub fn diff(before: Option<&Value>, after: Option<&Value>) -> Vec<(Path, Option<Value>)> {
    let mut out = Vec::new();
    diff_into(before, after, &mut Vec::new(), &mut out);
    out
}

fn diff_into(before: Option<&Value>, after: Option<&Value>, path: &mut Path, out: &mut Vec<(Path, Option<Value>)>) {
    if same(before, after) {
        return;
    }
    fn descend(
        path: &mut Path,
        step: Step,
        b: Option<&Value>,
        a: Option<&Value>,
        out: &mut Vec<(Path, Option<Value>)>,
    ) {
        path.push(step);
        diff_into(b, a, path, out);
        path.pop();
    }
    match shape([before, after, None]) {
        Shape::Objects => {
            let empty = Map::new();
            let (b, a) = (
                before.and_then(Value::as_object).unwrap_or(&empty),
                after.and_then(Value::as_object).unwrap_or(&empty),
            );
            for key in b.keys().chain(a.keys().filter(|k| !b.contains_key(*k))) {
                descend(path, Step::Key(key.clone()), b.get(key), a.get(key), out);
            }
        }
        Shape::Rows([b, a, _]) => {
            let all: Vec<&str> = {
                let mut all = ids(b).unwrap_or_default();
                all.extend(ids(a).unwrap_or_default().into_iter().filter(|id| by_id(b, id).is_none()));
                all
            };
            for id in all {
                let (old, new) = (by_id(b, id), by_id(a, id));
                if old.is_some() && new.is_some() {
                    descend(path, Step::Id(id.to_owned()), old, new, out);
                } else {
                    path.push(Step::Id(id.to_owned()));
                    out.push((path.clone(), new.cloned()));
                    path.pop();
                }
            }
        }
        Shape::Set([b, a, _]) => {
            for v in b.iter().filter(|v| !a.contains(v)) {
                descend_member(path, v, None, out);
            }
            for v in a.iter().filter(|v| !b.contains(v)) {
                descend_member(path, v, Some(Value::Bool(true)), out);
            }
        }
        Shape::Other => out.push((path.clone(), after.cloned())),
    }
}

fn descend_member(path: &mut Path, member: &Value, value: Option<Value>, out: &mut Vec<(Path, Option<Value>)>) {
    path.push(Step::Member(member.to_string()));
    out.push((path.clone(), value));
    path.pop();
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn m(b: Value, mine: Value, t: Value) -> Value {
        merge(Some(&b), Some(&mine), Some(&t)).unwrap_or(Value::Null)
    }

    #[test]
    fn changes_to_different_keys_both_survive_and_mine_wins_a_clash() {
        let base = json!({"a": "1", "b": "1", "c": "1"});
        assert_eq!(
            m(base.clone(), json!({"a": "2", "b": "1", "c": "3"}), json!({"a": "1", "b": "2", "c": "4"})),
            json!({"a": "2", "b": "2", "c": "3"})
        );
    }

    #[test]
    fn an_entry_both_sides_created_merges_field_by_field() {
        let base = json!({"answers": {}});
        let mine = json!({"answers": {"x": {"status": "done", "note": ""}}});
        let theirs = json!({"answers": {"x": {"status": null, "note": "memo"}}});
        assert_eq!(m(base, mine, theirs), json!({"answers": {"x": {"status": "done", "note": "memo"}}}));
    }

    #[test]
    fn rows_merge_by_id_keeping_both_sides_additions_in_place() {
        let base = json!([{"id": "a", "v": 1}, {"id": "b", "v": 1}]);
        let mine = json!([{"id": "a", "v": 2}, {"id": "m", "v": 0}, {"id": "b", "v": 1}]);
        let theirs = json!([{"id": "a", "v": 1}, {"id": "b", "v": 3}, {"id": "t", "v": 0}]);
        assert_eq!(
            m(base, mine, theirs),
            json!([{"id": "a", "v": 2}, {"id": "m", "v": 0}, {"id": "b", "v": 3}, {"id": "t", "v": 0}])
        );
    }

    #[test]
    fn a_row_deleted_on_one_side_goes_unless_the_other_changed_it() {
        let base = json!([{"id": "a", "v": 1}, {"id": "b", "v": 1}]);
        // Theirs deleted b, which mine left alone: gone.
        assert_eq!(m(base.clone(), base.clone(), json!([{"id": "a", "v": 1}])), json!([{"id": "a", "v": 1}]));
        // Theirs deleted b, which mine changed: mine's change is the later one and keeps it.
        let mine = json!([{"id": "a", "v": 1}, {"id": "b", "v": 2}]);
        assert_eq!(m(base.clone(), mine.clone(), json!([{"id": "a", "v": 1}])), mine);
    }

    #[test]
    fn plain_arrays_merge_as_sets() {
        assert_eq!(m(json!(["a", "b"]), json!(["b", "c"]), json!(["a", "b", "d"])), json!(["b", "c", "d"]));
    }

    #[test]
    fn absent_and_empty_are_the_same() {
        assert!(same(None, Some(&json!({"note": "", "status": null, "forms": []}))));
        assert!(!same(None, Some(&json!({"note": "x"}))));
        assert_eq!(merge(None, None, Some(&json!({"note": ""}))), Some(json!({"note": ""})));
    }

    #[test]
    fn diff_finds_leaves_and_set_members_and_get_set_follow_them() {
        let before = json!({"rows": [{"id": "a", "name": "x"}], "forms": ["paper"], "answers": {}});
        let after = json!({"rows": [{"id": "a", "name": "y"}, {"id": "b"}], "forms": ["paper", "electronic"], "answers": {"i": {"note": "n", "date": ""}}});
        let changes = diff(Some(&before), Some(&after));
        let paths: Vec<&Path> = changes.iter().map(|(p, _)| p).collect();
        assert_eq!(
            paths,
            vec![
                &keys(&["answers", "i", "note"]),
                &vec![Step::Key("forms".into()), Step::Member("\"electronic\"".into())],
                &vec![Step::Key("rows".into()), Step::Id("a".into()), Step::Key("name".into())],
                &vec![Step::Key("rows".into()), Step::Id("b".into())],
            ]
        );
        let mut rebuilt = before.clone();
        for (path, value) in &changes {
            assert!(set(&mut rebuilt, path, value.clone()));
            assert!(same(get(&rebuilt, path), value.as_ref()), "{path:?}");
        }
        assert!(same(Some(&rebuilt), Some(&after)));
    }
}
