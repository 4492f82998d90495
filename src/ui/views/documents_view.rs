//! The documents the work needs: the registers (Excel), the pledges and the management rules (Word, or printed),
//! each with what it is for, made from the self-check; and the few facts they need that the self-check does not
//! hold yet (the manager, the reporting route, training, the representative).
use std::rc::Rc;

use tics_domain::library::Entry;
use tics_domain::selfcheck::{DocumentField, StatementField};
use tics_domain::templates::Template;
use tics_domain::{Action, SelfCheck, Text};
use yew::prelude::*;

use crate::ui::components::template_entry::TemplateEntry;
use crate::ui::state::context::use_self_check;
use crate::ui::state::field_value::value;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::ime;

#[derive(Properties, PartialEq, Clone)]
pub struct DocumentsViewProps {
    pub check: Rc<SelfCheck>,
    pub entry: Option<Rc<Entry>>,
}

#[component(DocumentsView)]
pub fn documents_view(props: &DocumentsViewProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let check = &props.check;
    let field = |id: &'static str, label: Text, hint: Text, current: &str, make: fn(String) -> Action| {
        let sc = sc.clone();
        let oninput = Callback::from(move |e: InputEvent| sc.change(make(value(&e.into()))));
        let hint_id = format!("{id}-hint");
        html! {
            <div class="tics-field">
                <label for={id}>{ say(label, lang) }</label>
                <input {id} type="text" value={current.to_owned()} {oninput} onkeydown={ime::keep_enter_for_ime()}
                    aria-describedby={hint_id.clone()} data-testid={id} />
                <p id={hint_id} class="tics-hint">{ say(hint, lang) }</p>
            </div>
        }
    };
    let Some(entry) = props.entry.clone() else {
        return Html::default();
    };
    html! {
        <section class="tics-step" aria-labelledby="tics-documents-heading" data-testid="documents-view">
            <h2 id="tics-documents-heading">{ t(lang, "様式・文書", "Templates and documents") }</h2>
            <p>{ t(lang,
                "対策の記録に使う管理簿、誓約書、規程のひな形を、セルフチェックの内容（事業者名、目録、区分、対策の状況）を入れて作ります。どれが要るかは、扱う情報と選んだ対策によって変わります。それぞれの位置づけを添えています。どれも自社に合わせて直して使う出発点であり、法的助言ではありません。",
                "Models of the registers, pledges and rules that record your measures, filled with what the self-check holds (business name, inventory, classification, measures). Which you need depends on the information you handle and the measures you chose; each says where it stands. Each is a starting point to adapt, not legal advice.") }</p>
            <h3>{ t(lang, "文書に入れる内容", "What goes into the documents") }</h3>
            <div class="tics-fields">
                { field("tics-doc-rep-title", Text::new("代表者の役職（誓約書の宛先）", "Representative's title (pledges are addressed to them)"),
                    Text::new("例: 代表取締役社長。自己確認結果の表明書と共通です。", "e.g. President. Shared with the self-check statement."), &check.statement.signer_title,
                    |text| Action::SetStatementText { field: StatementField::SignerTitle, text }) }
                { field("tics-doc-rep-name", Text::new("代表者の氏名", "Representative's name"),
                    Text::new("例: 山田 太郎", "e.g. Taro Yamada"), &check.statement.signer_name,
                    |text| Action::SetStatementText { field: StatementField::SignerName, text }) }
                { field("tics-doc-manager-post", Text::new("情報管理責任者の役職", "Information manager's post"),
                    Text::new("規程は役職で定めます。例: 製造部長", "The rules appoint by post. e.g. Head of Production"),
                    &check.documents.manager_post, |text| Action::SetDocumentText { field: DocumentField::ManagerPost, text }) }
                { field("tics-doc-manager", Text::new("情報管理責任者の氏名", "Information manager's name"),
                    Text::new("規程の別表に入ります。例: 佐藤 花子", "Goes into the rules' annex. e.g. Hanako Sato"),
                    &check.documents.manager, |text| Action::SetDocumentText { field: DocumentField::Manager, text }) }
                { field("tics-doc-route", Text::new("漏えいやその兆候の報告先（順に）", "Where leaks and their signs are reported (in order)"),
                    Text::new("例: 発見者 → 所属長 → 情報管理責任者 → 社長", "e.g. finder → line manager → information officer → president"),
                    &check.documents.reporting_route, |text| Action::SetDocumentText { field: DocumentField::ReportingRoute, text }) }
                { field("tics-doc-training", Text::new("教育の時期と方法", "When and how staff are trained"),
                    Text::new("例: 入社時と毎年4月に全従業員へ1時間の研修", "e.g. on joining and every April, one hour for all staff"),
                    &check.documents.training, |text| Action::SetDocumentText { field: DocumentField::Training, text }) }
            </div>
            <h3>{ t(lang, "ダウンロードできる様式", "Templates to download") }</h3>
            <ul class="tics-template-list" role="list">
                { for Template::all().into_iter().map(|template| html! {
                    <TemplateEntry {template} entry={entry.clone()} />
                }) }
            </ul>
        </section>
    }
}
