//! Step 2: the target level.
use tics_domain::{Action, Lang};
use yew::prelude::*;

use crate::ui::i18n::{level_name, t};
use crate::ui::state::{AppState, Msg};

#[derive(Properties, PartialEq)]
pub struct LevelChoiceProps {
    pub level: u8,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

#[component(LevelChoice)]
pub fn level_choice(props: &LevelChoiceProps) -> Html {
    let lang = props.lang;
    let explain = |level: u8| match level {
        1 => {
            t(lang, "認証に必須の基本的な対策だけを確認します。", "Only the basic measures required for certification.")
        }
        2 => t(
            lang,
            "必須に加えて、研修素材が勧める標準的な対策も確認します。",
            "Also the standard measures the training material recommends.",
        ),
        _ => t(
            lang,
            "警備システムや巡回監視など、より高いレベルの対策まで確認します。",
            "Also higher-level measures such as alarms, cameras and patrols.",
        ),
    };
    html! {
        <section class="tics-step" aria-labelledby="tics-level-heading" data-testid="level">
            <h2 id="tics-level-heading">{ t(lang, "2. 目標レベル", "2. Target level") }</h2>
            <fieldset class="tics-group tics-levels">
                <legend>{ t(lang, "どこまで確認しますか", "How far do you want to check?") }</legend>
                { for (1..=tics_domain::catalogue::MAX_LEVEL).map(|level| {
                    let d = props.dispatcher.clone();
                    let onchange = Callback::from(move |_: Event| d.dispatch(Msg::Do(Action::SetTargetLevel(level))));
                    let id = format!("tics-level-{level}");
                    let hint = format!("{id}-hint");
                    html! {
                        <div class="tics-choice">
                            <input type="radio" id={id.clone()} name="tics-level" checked={props.level == level} {onchange}
                                aria-describedby={hint.clone()} data-testid={format!("level-{level}")} />
                            <label for={id}>{ level_name(lang, level) }</label>
                            <span id={hint} class="tics-hint">{ explain(level) }</span>
                        </div>
                    }
                }) }
            </fieldset>
        </section>
    }
}
