//! What the self-check starts from: the saved self-checks, or a fresh one. Saved data that cannot be read is
//! never written over unless a copy of it was kept first: data from a newer version stays where that version
//! will find it, and damaged data is copied to a backup key. Either way the user is told, and is offered the
//! data as a file.
use std::rc::Rc;

use tics_domain::library::Library;
use tics_domain::saved::{is_newer, SavedState};
use tics_domain::sync::Session;
use tics_domain::{Catalogue, Lang, Message, Text};

use crate::ui::state::reducer::{AppState, Notice, Saving};

/// Builds the state to start from, and the tab's session with storage (see `tics_domain::sync`), `None` while
/// nothing may be written. `tab` is unique to this tab; `read` is what storage gave for the state key;
/// `back_up` tries to copy unreadable data to a new key and returns that key if the copy was written.
pub fn start(
    catalogue: Rc<Catalogue>,
    lang: Lang,
    tab: String,
    fresh: impl FnOnce() -> Library,
    read: Result<Option<String>, Message>,
    back_up: impl FnOnce(&str) -> Option<String>,
) -> (AppState, Option<Session>) {
    // The session starts from what storage held, its revision included; a fresh library when it held nothing.
    let session = |saved: SavedState, json: Option<String>| Some(Session::new(tab, saved, json));
    let fresh_state = |state: &AppState| SavedState::new((*state.library).clone(), state.lang);
    let json = match read {
        Ok(None) => {
            let state = AppState::new(catalogue, fresh(), lang);
            let session = session(fresh_state(&state), None);
            return (state, session);
        }
        // Storage cannot be used: the app works, and says that nothing will be kept.
        Err(why) => {
            let mut state = AppState::new(catalogue, fresh(), lang);
            state.saving = Saving::Failed(why);
            let session = session(fresh_state(&state), None);
            return (state, session);
        }
        Ok(Some(json)) => json,
    };
    let why = match SavedState::from_json(&json) {
        Ok(saved) => {
            let state = AppState::new(catalogue, saved.library.clone(), saved.lang);
            return (state, session(saved, Some(json)));
        }
        Err(why) => why,
    };
    let mut state = AppState::new(catalogue, fresh(), lang);
    let (saving, what_now) = if is_newer(&json) {
        (
            Saving::Held,
            Text::new(
                "保存データはそのまま残してあり、新しい版のアプリで開けます。この画面での入力は保存されません。保存データはファイルとしてダウンロードできます。",
                "The saved data is left as it is, for the newer version of the app to open. What you enter here is not saved. You can download the saved data as a file.",
            ),
        )
    } else {
        match back_up(&json) {
            Some(key) => (
                Saving::On,
                Text::new(
                    format!("元のデータは「{key}」に保管してあり、ファイルとしてもダウンロードできます。新しいセルフチェックを始めます。"),
                    format!("The original data is kept under \"{key}\" and can also be downloaded as a file. Starting a new self-check."),
                ),
            ),
            // No copy could be kept (storage full or blocked): writing would destroy the only one.
            None => (
                Saving::Held,
                Text::new(
                    "元のデータの控えを保存できなかったため、元のデータを上書きしないよう、この画面での入力は保存しません。元のデータをファイルとしてダウンロードしてください。",
                    "No copy of the original data could be kept, so to avoid writing over it nothing you enter here is saved. Please download the original data as a file.",
                ),
            ),
        }
    };
    state.saving = saving;
    // Once a copy is kept, the unreadable data is this tab's to write over (the session starts from it).
    let session = if state.saving == Saving::Held { None } else { session(fresh_state(&state), Some(json.clone())) };
    state.notice = Some(Notice {
        message: Text::new(format!("{} {}", why.ja, what_now.ja), format!("{} {}", why.en, what_now.en)),
        unreadable: Some(Rc::from(json)),
    });
    (state, session)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Rc<Catalogue> {
        Rc::new(Catalogue::default_tics().unwrap())
    }

    fn fresh() -> Library {
        Library::new("sc-new".into(), "セルフチェック".into(), "2026-11-23T09:00:00+09:00".into())
    }

    const NEWER: &str = r#"{"format":"tics-self-check-state","version":99,"lang":"ja","library":{"future":true}}"#;

    #[test]
    fn saved_data_opens_as_it_was() {
        let saved = SavedState::new(Library::new("sc-1".into(), "本社".into(), String::new()), Lang::En);
        let (state, session) = start(catalogue(), Lang::Ja, "t".into(), fresh, Ok(Some(saved.to_json())), |_| None);
        assert!(session.is_some());
        assert_eq!(*state.library, saved.library);
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.saving, Saving::On);
        assert!(state.notice.is_none());
    }

    #[test]
    fn damaged_data_is_written_over_only_once_a_copy_is_kept() {
        let broken = r#"{"format":"tics-self-check-state", broken"#;
        let (kept, session) =
            start(catalogue(), Lang::Ja, "t".into(), fresh, Ok(Some(broken.into())), |_| Some("ns:backup:1".into()));
        assert!(session.is_some(), "a copy is kept: the tab may write");
        assert_eq!(kept.saving, Saving::On);
        let notice = kept.notice.unwrap();
        assert!(notice.message.ja.contains("ns:backup:1") && notice.message.en.contains("ns:backup:1"));
        assert_eq!(notice.unreadable.as_deref(), Some(broken));

        // Storage too full for the copy: nothing may be written, and the data is offered as a file.
        let (held, session) = start(catalogue(), Lang::Ja, "t".into(), fresh, Ok(Some(broken.into())), |_| None);
        assert!(session.is_none(), "no copy: the tab must not write");
        assert_eq!(held.saving, Saving::Held);
        assert_eq!(held.notice.unwrap().unreadable.as_deref(), Some(broken));
    }

    #[test]
    fn data_from_a_newer_version_stays_where_it_is() {
        let mut backed_up = false;
        let (state, _) = start(catalogue(), Lang::Ja, "t".into(), fresh, Ok(Some(NEWER.into())), |_| {
            backed_up = true;
            Some("k".into())
        });
        assert!(!backed_up, "newer data is not moved to a backup key");
        assert_eq!(state.saving, Saving::Held, "and the state key is not written over");
        let notice = state.notice.unwrap();
        assert!(notice.message.en.contains("newer"));
        assert_eq!(notice.unreadable.as_deref(), Some(NEWER));
    }

    #[test]
    fn blocked_storage_starts_fresh_and_says_so() {
        let why = Text::new("使えません", "unavailable");
        let (state, _) = start(catalogue(), Lang::Ja, "t".into(), fresh, Err(why.clone()), |_| None);
        assert_eq!(state.saving, Saving::Failed(why));
        assert_eq!(state.library.open, "sc-new");
    }
}
