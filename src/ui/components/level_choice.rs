//! Step 2: the target level.
use tics_domain::vocab::{level_explanation, level_name};
use tics_domain::Action;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq)]
pub struct LevelChoiceProps {
    pub level: u8,
}

#[component(LevelChoice)]
pub fn level_choice(props: &LevelChoiceProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    html! {
        <section class="tics-step" aria-labelledby="tics-level-heading" data-testid="level">
            <h2 id="tics-level-heading">{ t(lang, "2. 目標レベル", "2. Target level") }</h2>
            <fieldset class="tics-group tics-levels">
                <legend>{ t(lang, "どこまで確認しますか", "How far do you want to check?") }</legend>
                { for (1..=tics_domain::catalogue::MAX_LEVEL).map(|level| {
                    let sc = sc.clone();
                    let onchange = Callback::from(move |_: Event| sc.change(Action::SetTargetLevel(level)));
                    let id = format!("tics-level-{level}");
                    let hint = format!("{id}-hint");
                    html! {
                        <div class="tics-choice">
                            <input type="radio" id={id.clone()} name="tics-level" checked={props.level == level} {onchange}
                                aria-describedby={hint.clone()} data-testid={format!("level-{level}")} />
                            <label for={id}>{ say(level_name(level), lang) }</label>
                            <span id={hint} class="tics-hint">{ say(level_explanation(level), lang) }</span>
                        </div>
                    }
                }) }
            </fieldset>
        </section>
    }
}
