//! "Check my catalogue": an association loads its catalogue or overlay file in the browser and sees every problem
//! (file, item ID, field, what is wrong) or a preview of the resulting self-check. Nothing is uploaded.
use std::rc::Rc;

use tics_domain::catalogue::{Catalogue, Problem};
use tics_domain::vocab::level_name;
use tics_domain::Lang;
use yew::prelude::*;

use crate::ui::hooks::files::{check_catalogue, take_chosen};
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq, Clone)]
pub struct CatalogueCheckProps {
    /// The catalogue an overlay is applied to.
    pub base: Rc<Catalogue>,
    pub lang: Lang,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Problems { file: String, problems: Vec<Problem> },
    Preview { file: String, catalogue: Rc<Catalogue> },
}

#[component(CatalogueCheck)]
pub fn catalogue_check(props: &CatalogueCheckProps) -> Html {
    let lang = props.lang;
    let outcome = use_state(|| None::<Outcome>);
    let onchange = {
        let (outcome, base) = (outcome.clone(), props.base.clone());
        Callback::from(move |e: Event| {
            let Some(picked) = take_chosen(&e) else {
                return;
            };
            let (outcome, name) = (outcome.clone(), picked.name());
            check_catalogue(base.clone(), picked, move |result| {
                outcome.set(Some(match result {
                    Ok(catalogue) => Outcome::Preview { file: name, catalogue: Rc::new(catalogue) },
                    Err(problems) => Outcome::Problems { file: name, problems },
                }))
            });
        })
    };
    let result = match &*outcome {
        None => Html::default(),
        Some(Outcome::Problems { file, problems }) => html! {
            <div class="tics-panel" role="alert" data-testid="catalogue-problems">
                <h2>{ format!("{} ({})", t(lang, "見つかった問題", "Problems found"), problems.len()) }</h2>
                <table class="tics-table">
                    <thead><tr>
                        <th scope="col">{ t(lang, "ファイル", "File") }</th>
                        <th scope="col">{ t(lang, "項目 ID", "Item ID") }</th>
                        <th scope="col">{ t(lang, "フィールド", "Field") }</th>
                        <th scope="col">{ t(lang, "内容", "What is wrong") }</th>
                    </tr></thead>
                    <tbody>
                        { for problems.iter().map(|p| html! {
                            <tr>
                                <td data-label={t(lang, "ファイル", "File")}>{ file.clone() }</td>
                                <td data-label={t(lang, "項目 ID", "Item ID")}>{ p.item.clone().unwrap_or_else(|| "—".into()) }</td>
                                <td data-label={t(lang, "フィールド", "Field")}>{ p.field.clone() }</td>
                                <td data-label={t(lang, "内容", "What is wrong")}>{ p.message.get(lang).to_owned() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
        Some(Outcome::Preview { file, catalogue }) => html! {
            <div class="tics-panel" role="status" data-testid="catalogue-preview">
                <h2>{ t(lang, "問題は見つかりませんでした", "No problems found") }</h2>
                <p>{ format!("{}: {} — {} {} ({} {})", file, catalogue.title.get(lang), catalogue.id, catalogue.version,
                    catalogue.items.len(), t(lang, "項目", "items")) }</p>
                if let Some(b) = &catalogue.branding { <p>{ b.name.get(lang).to_owned() }</p> }
                if !catalogue.columns.is_empty() {
                    <p>{ format!("{}: {}", t(lang, "対応表の列", "Crosswalk columns"),
                        catalogue.columns.iter().map(|c| c.label.get(lang).to_owned()).collect::<Vec<_>>().join(", ")) }</p>
                }
                { for catalogue.topics.iter().map(|topic| html! {
                    <details>
                        <summary>{ format!("{} ({})", topic.label(lang), catalogue.items_of(&topic.id).count()) }</summary>
                        <ul>{ for catalogue.items_of(&topic.id).map(|i| html! {
                            <li>{ format!("{} — {}", i.title.get(lang), say(level_name(i.level), lang)) }</li>
                        }) }</ul>
                    </details>
                }) }
            </div>
        },
    };
    html! {
        <section class="tics-step" aria-labelledby="tics-cc-heading" data-testid="catalogue-check">
            <h2 id="tics-cc-heading">{ t(lang, "カタログファイルを確認する", "Check a catalogue file") }</h2>
            <div class="tics-field">
                <label for="tics-cc-file">{ t(lang, "カタログまたはオーバーレイの JSON ファイル", "A catalogue or overlay JSON file") }</label>
                <input id="tics-cc-file" type="file" accept=".json,application/json" {onchange} data-testid="catalogue-file" />
            </div>
            { result }
        </section>
    }
}
