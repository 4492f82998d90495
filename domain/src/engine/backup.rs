//! A year between two visits: the browser is no safe place to keep a year's work, so the app says when a
//! self-check was last downloaded as a result file, whether the browser agreed to keep the data, and reminds the
//! user — gently, at most once a day — to download a file when changes exist that no file holds. It says why in
//! one sentence fitted to the browser, and offers installing the site as an app where that protects the data.
use crate::base::text::Text;
use crate::engine::library::Entry;

/// What matters about the browser for keeping data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Browser {
    /// Safari on a Mac, and every browser on an iPhone or iPad (all are WebKit there): script-written storage is
    /// deleted after seven days of use without a visit, unless the site is installed as an app.
    SevenDayCap { ios: bool },
    /// Chromium, Firefox and the rest: data is kept until the disk runs short (or for good, once the browser
    /// agreed to keep it).
    Other,
}

impl Browser {
    /// Tells the browser from its user agent string. `touch` is true on a device with a touch screen: iPadOS
    /// presents itself as a Mac, and touch tells them apart.
    pub fn from_user_agent(ua: &str, touch: bool) -> Browser {
        let ios = ["iPhone", "iPad", "iPod"].iter().any(|d| ua.contains(d)) || (ua.contains("Macintosh") && touch);
        if ios {
            return Browser::SevenDayCap { ios: true };
        }
        let others = ["Chrome/", "Chromium/", "Edg/", "OPR/", "Firefox/", "SamsungBrowser/"];
        if ua.contains("Macintosh") && ua.contains("Safari/") && !others.iter().any(|o| ua.contains(o)) {
            Browser::SevenDayCap { ios: false }
        } else {
            Browser::Other
        }
    }
}

/// How the data is kept in this browser now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keeping {
    pub browser: Browser,
    /// The site runs as an installed app (display mode "standalone").
    pub installed: bool,
    /// Whether the browser agreed to keep the data (`navigator.storage.persisted()`); `None` when it cannot say.
    pub persisted: Option<bool>,
}

impl Keeping {
    /// Why a file is worth downloading, in one plain sentence for this browser, then what the file does.
    pub fn why(&self) -> Text {
        let reason = match (self.browser, self.installed, self.persisted) {
            (Browser::SevenDayCap { .. }, false, _) => Text::new(
                "Safari（iPhone と iPad ではどのブラウザも）は、このサイトを 7 日間開かずにいると、ブラウザに保存した入力内容を消します。",
                "Safari (and every browser on an iPhone or iPad) deletes what this site saved once you have not opened it for 7 days.",
            ),
            (_, true, _) => Text::new(
                "アプリとして追加してあっても、ブラウザのデータを消去したり端末を替えたりすると、入力内容は失われます。",
                "Even as an installed app, what you entered is lost when the browser's data is cleared or you change devices.",
            ),
            (_, false, Some(true)) => Text::new(
                "このブラウザは入力内容を残すことに同意していますが、ブラウザのデータを消去したり端末を替えたりすると失われます。",
                "This browser agreed to keep what you entered, but it is lost when the browser's data is cleared or you change devices.",
            ),
            (Browser::Other, false, _) => Text::new(
                "このブラウザは、ディスクの空きが少なくなると、このサイトが保存した入力内容を消すことがあります。",
                "This browser may delete what this site saved when the disk runs short of space.",
            ),
        };
        Text::new(
            format!("{} 結果ファイル（JSON）をダウンロードしておけば、いつでも読み込んで続けられます。", reason.ja),
            format!("{} A result file (JSON) that you download can be loaded again at any time.", reason.en),
        )
    }

    /// Said while the browser has not yet answered whether it keeps the data (it answers asynchronously); the
    /// line is there from the first paint, so nothing below it moves when the answer comes.
    pub fn checking() -> Text {
        Text::new("ブラウザ: 残すかどうか確認中…", "Browser: checking whether it keeps your data…")
    }

    /// Whether the browser agreed to keep the data, as the header shows it.
    pub fn kept(&self) -> Text {
        match self.persisted {
            Some(true) => Text::new("ブラウザ: 入力内容を残すことに同意済み", "Browser: agreed to keep your data"),
            Some(false) => Text::new(
                "ブラウザ: 残すことに同意していません（消えることがあります）",
                "Browser: has not agreed to keep your data (it may be deleted)",
            ),
            None => Text::new("ブラウザ: 残すかどうか確認できません", "Browser: cannot say whether it keeps your data"),
        }
    }

    /// How installing the site as an app would protect the data here, if it would. `prompt` is true when the
    /// browser offered to install the site (Chromium's `beforeinstallprompt`).
    pub fn install(&self, prompt: bool) -> Option<Install> {
        if self.installed {
            return None;
        }
        match self.browser {
            Browser::SevenDayCap { ios } => Some(if ios { Install::HomeScreen } else { Install::Dock }),
            // Chromium keeps an installed app's data for good; otherwise nothing says installing helps.
            Browser::Other if prompt && self.persisted != Some(true) => Some(Install::Prompt),
            Browser::Other => None,
        }
    }
}

/// A way to install the site as an app that protects the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Install {
    /// The browser can be asked to install it (a button).
    Prompt,
    /// iPhone and iPad: Share, then Add to Home Screen.
    HomeScreen,
    /// Safari on a Mac: File, then Add to Dock.
    Dock,
}

impl Install {
    pub fn text(self) -> Text {
        match self {
            Install::Prompt => Text::new(
                "このサイトをアプリとしてインストールすると、ブラウザが入力内容を消さずに残します。",
                "Installing this site as an app makes the browser keep what you entered.",
            ),
            Install::HomeScreen => Text::new(
                "共有ボタンから「ホーム画面に追加」でアプリとして追加すると、7 日で消えることはなくなります。",
                "Add it to your Home Screen (Share, then Add to Home Screen) and it is no longer deleted after 7 days.",
            ),
            Install::Dock => Text::new(
                "Safari のメニュー「ファイル」→「Dock に追加」でアプリとして追加すると、7 日で消えることはなくなります。",
                "Add it to the Dock (Safari's File menu, then Add to Dock) and it is no longer deleted after 7 days.",
            ),
        }
    }
}

/// When the self-check was last downloaded as a result file, and whether changes were made since, as the header
/// shows it near the self-check's name.
pub fn file_status(entry: &Entry) -> Text {
    match &entry.file {
        Some(file) => {
            let at = short_time(&file.at);
            if entry.unsaved() {
                Text::new(
                    format!("結果ファイル: {at} に保存（その後の変更はファイルにありません）"),
                    format!("Result file: saved {at} (later changes are in no file)"),
                )
            } else {
                Text::new(format!("結果ファイル: {at} に保存"), format!("Result file: saved {at}"))
            }
        }
        None if entry.unsaved() => {
            Text::new("結果ファイル: まだダウンロードしていません", "Result file: not downloaded yet")
        }
        None => Text::new("結果ファイル: まだ変更がありません", "Result file: nothing changed yet"),
    }
}

/// `2026-12-06T10:30:15+09:00` as `2026-12-06 10:30`; anything else as it is.
fn short_time(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(date), Some(time)) if iso.as_bytes().get(10) == Some(&b'T') => format!("{date} {time}"),
        _ => iso.to_owned(),
    }
}

/// Whether to remind the user now about `entry`: it holds changes no file holds, and no reminder was shown
/// today (`last`: the day of the last one, `YYYY-MM-DD`).
pub fn remind(entry: &Entry, today: &str, last: Option<&str>) -> bool {
    entry.unsaved() && last != Some(today)
}

/// The reminder's first sentence, naming the self-check.
pub fn reminder(entry: &Entry) -> Text {
    Text::new(
        format!("「{}」には、まだどの結果ファイルにも入っていない変更があります。", entry.name),
        format!("“{}” has changes that are not in any result file yet.", entry.name),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::library::FileCopy;
    use crate::SelfCheck;

    const SAFARI_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    const CHROME_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    const CHROME_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1";
    const FIREFOX: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0";

    #[test]
    fn safari_and_every_ios_browser_have_the_seven_day_cap() {
        assert_eq!(Browser::from_user_agent(SAFARI_MAC, false), Browser::SevenDayCap { ios: false });
        assert_eq!(Browser::from_user_agent(SAFARI_MAC, true), Browser::SevenDayCap { ios: true }, "an iPad");
        assert_eq!(Browser::from_user_agent(CHROME_IOS, true), Browser::SevenDayCap { ios: true });
        assert_eq!(Browser::from_user_agent(CHROME_MAC, false), Browser::Other);
        assert_eq!(Browser::from_user_agent(FIREFOX, false), Browser::Other);
    }

    #[test]
    fn each_case_has_its_own_sentence_in_both_languages() {
        let cases = [
            Keeping { browser: Browser::SevenDayCap { ios: true }, installed: false, persisted: None },
            Keeping { browser: Browser::Other, installed: true, persisted: Some(true) },
            Keeping { browser: Browser::Other, installed: false, persisted: Some(true) },
            Keeping { browser: Browser::Other, installed: false, persisted: Some(false) },
        ];
        let whys: Vec<Text> = cases.iter().map(Keeping::why).collect();
        for (n, why) in whys.iter().enumerate() {
            assert!(!why.ja.is_empty() && !why.en.is_empty());
            assert!(whys.iter().skip(n + 1).all(|other| other != why), "{why:?}");
        }
        assert!(whys[0].en.contains("7 days") && whys[3].en.contains("disk"));
    }

    #[test]
    fn installing_is_offered_only_where_it_protects_the_data() {
        let k = |browser, installed, persisted| Keeping { browser, installed, persisted };
        assert_eq!(k(Browser::SevenDayCap { ios: true }, false, None).install(false), Some(Install::HomeScreen));
        assert_eq!(k(Browser::SevenDayCap { ios: false }, false, None).install(false), Some(Install::Dock));
        assert_eq!(k(Browser::SevenDayCap { ios: true }, true, None).install(false), None, "already installed");
        assert_eq!(k(Browser::Other, false, Some(false)).install(true), Some(Install::Prompt));
        assert_eq!(k(Browser::Other, false, Some(false)).install(false), None, "Firefox cannot install");
        assert_eq!(k(Browser::Other, false, Some(true)).install(true), None, "already kept");
    }

    #[test]
    fn the_file_status_and_the_reminder_follow_the_revisions() {
        let mut entry = Entry::new("sc-1".into(), "本社".into(), String::new(), SelfCheck::default());
        assert!(!remind(&entry, "2026-12-06", None), "nothing changed: nothing to remind");
        assert_eq!(file_status(&entry).en, "Result file: nothing changed yet");
        entry.revision = 3;
        assert!(remind(&entry, "2026-12-06", Some("2026-12-05")));
        assert!(!remind(&entry, "2026-12-06", Some("2026-12-06")), "once a day");
        assert_eq!(file_status(&entry).ja, "結果ファイル: まだダウンロードしていません");
        entry.file = Some(FileCopy { at: "2026-12-06T10:30:15+09:00".into(), revision: 3 });
        assert_eq!(file_status(&entry).en, "Result file: saved 2026-12-06 10:30");
        assert!(!remind(&entry, "2026-12-07", None));
        entry.revision = 4;
        assert!(file_status(&entry).ja.contains("その後の変更はファイルにありません"));
        assert!(reminder(&entry).ja.contains("本社"));
    }
}
