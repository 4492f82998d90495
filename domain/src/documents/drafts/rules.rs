//! The management rules (技術情報管理規程), a draft in 5 chapters and 18 articles following the outline of the
//! TICS training material: general provisions, organisation, staff, outside parties, sanctions.
//!
//! The self-check fills in the classification labels (article 4), the manager (5), the reporting route (9) and
//! training (13), and lists the measures in place or planned under the article they belong to. Every article
//! whose content is the business's own choice carries a point to decide.
use super::parts::{
    business_defined, clause, date_blank, decide, listing, notice, para, sentence, sign_line, text, tr, value, Articles,
};
use super::{Align, Block, Clause, Span};
use crate::base::text::Lang;
use crate::documents::{DocInput, MeasureState};

/// The articles the self-check's measures are listed under.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Home {
    Manager,
    Designation,
    Handling,
    Reporting,
    Training,
    Contracts,
}

/// Where a catalogue topic's measures belong; topics an association adds go with the handling rules.
fn home(topic: &str) -> Home {
    match topic {
        "manager" => Home::Manager,
        "identify" | "mark" | "access" => Home::Designation,
        "incident" => Home::Reporting,
        "training" => Home::Training,
        "thirdparty" => Home::Contracts,
        _ => Home::Handling,
    }
}

/// The clauses listing the measures in place and those planned for the topics that belong to `at`.
fn measures(input: &DocInput, at: Home) -> Vec<Clause> {
    let lang = input.lang;
    let mut in_place = Vec::new();
    let mut planned = Vec::new();
    for topic in input.measures.iter().filter(|t| home(&t.topic) == at) {
        for measure in &topic.measures {
            match measure.state {
                MeasureState::InPlace => in_place.push(vec![text(measure.text.trim())]),
                MeasureState::Planned => {
                    let mut item = vec![text(measure.text.trim()), text(tr(lang, "（期限：", " (due "))];
                    item.push(value(&measure.due, 5));
                    item.push(text(tr(lang, "）", ")")));
                    planned.push(item);
                }
            }
        }
    }
    let mut clauses = Vec::new();
    if !in_place.is_empty() {
        clauses.push(listing(
            lang,
            "この条に関して、現在実施している対策は次のとおりである。",
            "Measures in place under this article:",
            in_place,
        ));
    }
    if !planned.is_empty() {
        clauses.push(listing(
            lang,
            "この条に関して、次の対策を実施する予定である。",
            "Measures planned under this article:",
            planned,
        ));
    }
    clauses
}

/// An article whose own clauses are followed by the measures listed under it.
fn with_measures(a: &mut Articles, input: &DocInput, at: Home, ja: &str, en: &str, mut clauses: Vec<Clause>) -> Block {
    clauses.extend(measures(input, at));
    a.article(ja, en, clauses)
}

/// The point to decide, only while the self-check left `answer` blank.
fn unless_answered(lang: Lang, answer: &str, ja: &str, en: &str) -> Option<Span> {
    answer.trim().is_empty().then(|| decide(lang, ja, en))
}

/// The items of a list, one sentence each.
fn items(lang: Lang, list: &[(&str, &str)]) -> Vec<Vec<Span>> {
    list.iter().map(|(ja, en)| vec![text(tr(lang, ja, en))]).collect()
}

fn chapter(lang: Lang, n: u8, ja: &str, en: &str) -> Block {
    Block::Chapter(match lang {
        Lang::Ja => format!("第{n}章\u{3000}{ja}"),
        Lang::En => format!("Chapter {n}: {en}"),
    })
}

pub fn rules(input: &DocInput) -> Vec<Block> {
    let lang = input.lang;
    let mut a = Articles::new(lang);
    let mut blocks = vec![notice(lang, false)];

    blocks.push(chapter(lang, 1, "総則", "General provisions"));
    let mut purpose = match lang {
        Lang::Ja => vec![text("この規程は、")],
        Lang::En => vec![text("These rules set out what ")],
    };
    purpose.extend(business_defined(lang, input, true));
    purpose.push(text(tr(
        lang,
        "が保有する技術上及び営業上の重要な情報を適切に管理し、その漏えい、紛失、改ざん等を防止することを目的とする。",
        " does to manage its important technical and business information properly and to prevent it from \
         leaking, being lost or being altered.",
    )));
    blocks.push(a.article("目的", "Purpose", vec![clause(purpose)]));
    blocks.push(a.article(
        "適用範囲",
        "Scope",
        vec![
            sentence(
                lang,
                "この規程は、会社の役員、従業員、契約社員、パートタイマー、派遣社員その他会社の業務に従事する者（以下「従業員等」という。）に適用する。",
                "These rules apply to the Company's directors, employees, fixed-term and part-time staff, agency \
                 workers and anyone else working for the Company (\"staff\").",
            ),
            clause(vec![
                text(tr(lang, "この規程は、", "They cover these sites and departments: ")),
                Span::Blank(16),
                text(tr(lang, "に適用する。", "")),
                decide(
                    lang,
                    "対象とする事業所・部門（全社とする場合はその旨）",
                    "the sites and departments covered, or the whole company",
                ),
            ]),
        ],
    ));
    blocks.push(a.article(
        "定義",
        "Definitions",
        vec![listing(
            lang,
            "この規程で使う言葉の意味は、次のとおりとする。",
            "In these rules:",
            items(
                lang,
                &[
                    (
                        "秘密情報：会社が持つ技術上又は営業上の情報のうち、第7条により指定したもの。紙、電子データ、試作品・製品・設備などその形を問わない。",
                        "\"Confidential information\" is technical or business information of the Company designated \
                         under Article 7, in whatever form: paper, electronic data, prototypes, products or equipment.",
                    ),
                    (
                        "アクセス権者：秘密情報ごとに、その取扱いを認められた従業員等。",
                        "An \"access holder\" is a member of staff allowed to handle a given piece of confidential \
                         information.",
                    ),
                    (
                        "管理責任者：第5条により選任された、秘密情報の管理の責任者。",
                        "The \"manager\" is the person responsible for managing confidential information, appointed \
                         under Article 5.",
                    ),
                    (
                        "目録：秘密情報の名称、保管場所、管理者、区分などを記録した一覧。",
                        "The \"inventory\" is the list recording each piece of confidential information with where \
                         it is kept, who manages it and its class.",
                    ),
                ],
            ),
        )],
    ));
    let mut classes: Vec<Vec<Span>> = input.classes.iter().map(|c| vec![text(c.trim())]).collect();
    if classes.is_empty() {
        classes = vec![vec![Span::Blank(10)], vec![Span::Blank(10)], vec![Span::Blank(10)]];
    }
    let mut classify = vec![listing(
        lang,
        "秘密情報は、その重要度に応じて次の区分に分類し、先に掲げる区分ほど秘密の程度が高いものとする。",
        "Confidential information is divided into the following classes by importance, the most secret first.",
        classes,
    )];
    if !input.classification_chosen {
        classify.push(clause(vec![decide(
            lang,
            "区分を設けるかどうか。区分は任意の取組です。設けない場合は本条を削り、他の条の区分に関する字句も削ってください",
            "whether to have classes at all. Classification is optional; without it, delete this article and the \
             words about classes in the other articles",
        )]));
    }
    if input.classes_are_default || input.classes.is_empty() {
        classify.push(clause(vec![decide(
            lang,
            "区分の名前と数。ここには標準の名前が入っています。自社で使っている名前があれば置き換えてください",
            "the names and number of classes. Standard names are shown; replace them with those your business uses",
        )]));
    }
    classify.push(clause(vec![
        text(tr(
            lang,
            "各区分に当たる情報の基準と、区分ごとの取扱いは、管理責任者が情報管理基準に定める。",
            "The manager sets out in the information handling standards which information belongs to each class \
             and how each class is handled.",
        )),
        decide(
            lang,
            "各区分に当たる情報の基準（例：漏れると事業が続けられなくなる情報は最上位の区分）",
            "what puts information in each class, e.g. information whose leak would threaten the business goes in \
             the top class",
        ),
    ]));
    blocks.push(a.article("秘密情報の分類", "Classification of confidential information", classify));

    blocks.push(chapter(lang, 2, "管理体制", "Organisation"));
    let manager_article = a.next_number();
    let mut manager = vec![
        text(tr(
            lang,
            "会社は、秘密情報の管理に責任を負う者として、情報管理責任者（以下「管理責任者」という。）を置き、",
            "The Company appoints an information manager (the \"manager\"), responsible for managing confidential \
             information: the holder of the post of ",
        )),
        value(&input.manager_post, 10),
        text(tr(lang, "の職にある者をもって充てる。", ".")),
    ];
    manager.extend(unless_answered(
        lang,
        &input.manager_post,
        "管理責任者に充てる役職（例：総務部長）",
        "the post whose holder is the manager, e.g. head of administration",
    ));
    let manager_clauses = vec![
        clause(manager),
        sentence(
            lang,
            "管理責任者の氏名は、別表に記載する。",
            "The manager's name is given in the annex.",
        ),
        listing(
            lang,
            "管理責任者は、次の事項を行う。",
            "The manager:",
            items(
                lang,
                &[
                    ("秘密情報の管理の手順を定めること", "establishes the procedures for managing confidential information;"),
                    (
                        "秘密情報を取り扱う者を限定して管理し、従業員等に教育を行うこと",
                        "limits and manages who handles confidential information, and trains staff;",
                    ),
                    (
                        "漏えいを防ぐ対策を実施し、その実施の状況を把握すること",
                        "carries out the measures that prevent leaks, and keeps track of how they are carried out;",
                    ),
                    (
                        "漏えいの兆候及び事実の把握に努め、事故が発生したときは必要な対応を行い、経営者に報告すること",
                        "watches for signs and facts of leaks, and when an incident occurs, takes the necessary action \
                         and reports it to top management;",
                    ),
                    ("目録を作成し、最新の状態に保つこと", "keeps the inventory and keeps it up to date;"),
                    (
                        "(2)から(4)までの事項の記録を作成し、保管すること",
                        "keeps records of what is done under items (b) to (d).",
                    ),
                ],
            ),
        ),
        sentence(
            lang,
            "会社は、管理責任者が誰であるかを、掲示や朝礼などで従業員等に知らせる。",
            "The Company tells all staff who the manager is, for example on a notice board or at meetings.",
        ),
    ];
    blocks.push(with_measures(&mut a, input, Home::Manager, "管理責任者", "Information manager", manager_clauses));
    blocks.push(a.article(
        "情報管理委員会",
        "Information management committee",
        vec![
            sentence(
                lang,
                "会社は、秘密情報の管理の基準を定め、その実施の状況を確かめるため、情報管理委員会を置く。",
                "The Company sets up an information management committee to set the standards for managing \
                 confidential information and to check how they are followed.",
            ),
            clause(vec![decide(
                lang,
                "委員会を置くかどうか、委員の顔ぶれと開く頻度。小さな会社で置かない場合は本条を削除し、基準は管理責任者が定めることにしてください",
                "whether to have a committee, who sits on it and how often it meets. A small business without one \
                 deletes this article and has the manager set the standards",
            )]),
        ],
    ));
    let mut designation = vec![
        sentence(
            lang,
            "管理責任者は、会社が持つ情報のうち守るべきものを秘密情報として指定し、その区分とアクセス権者の範囲を決めて目録に記録する。",
            "The manager designates the information the Company must protect as confidential information, decides \
             its class and who may access it, and records this in the inventory.",
        ),
        sentence(
            lang,
            "アクセス権者は、業務のために知る必要のある者に限る。",
            "Only staff who need to know the information for their work become access holders.",
        ),
        sentence(
            lang,
            "秘密情報（書類、ファイル、保管場所、試作品などを含む。）には、その区分の表示を付ける。",
            "Confidential information, including documents, files, storage places and prototypes, is marked with \
             its class.",
        ),
        sentence(
            lang,
            "管理責任者は、業務の変化や人の異動に合わせて、指定、区分及びアクセス権者を見直す。",
            "The manager reviews the designations, classes and access holders when work or people change.",
        ),
    ];
    if !input.information.is_empty() {
        designation.push(listing(
            lang,
            "この規程を定めた時点で、目録には次の情報が記録されている。",
            "When these rules were drawn up, the inventory listed:",
            input.information.iter().map(|name| vec![text(name.trim())]).collect(),
        ));
    }
    blocks.push(with_measures(&mut a, input, Home::Designation, "指定", "Designation", designation));
    let handling = vec![
        sentence(
            lang,
            "従業員等は、秘密情報を、この規程及び情報管理基準に従って取り扱う。",
            "Staff handle confidential information according to these rules and the information handling \
             standards.",
        ),
        clause(vec![
            text(tr(
                lang,
                "情報管理基準には、区分ごとに、表示、保管、複製、閲覧、配布、社外への持出し、第三者への提供及び廃棄の方法を定める。",
                "For each class, the standards set out how information is marked, stored, copied, viewed, \
                 distributed, taken outside, given to others and disposed of.",
            )),
            decide(
                lang,
                "情報管理基準の中身（区分ごとの扱い）",
                "the content of the standards, class by class",
            ),
        ]),
    ];
    blocks.push(with_measures(
        &mut a,
        input,
        Home::Handling,
        "秘密情報の取扱い",
        "Handling of confidential information",
        handling,
    ));

    blocks.push(chapter(lang, 3, "従業員等", "Staff"));
    let mut route = vec![text(tr(
        lang,
        "従業員等は、秘密情報の漏えい、紛失、改ざん若しくは破壊、又はそれらの兆し（普段と違うアクセス、取引先からの不自然な問合せなど）に気付いたときは、直ちに、",
        "Staff who notice that confidential information has leaked, been lost, altered or destroyed, or signs of \
         this (such as unusual access or odd requests from a business partner), report it at once, in this order: ",
    ))];
    route.push(value(&input.reporting_route, 20));
    route.push(text(tr(lang, "の順に報告する。", "")));
    route.extend(unless_answered(
        lang,
        &input.reporting_route,
        "報告の順番（例：発見者→上長→管理責任者→社長）と、夜間・休日の連絡先",
        "the order of reporting, e.g. finder → superior → manager → managing director, and out-of-hours contacts",
    ));
    let reporting = vec![
        sentence(
            lang,
            "従業員等は、業務の中で秘密情報に当たると思われる情報を作り、又は手に入れたときは、管理責任者に申し出る。管理責任者は、第7条に従って指定するかどうかを決める。",
            "Staff who create or obtain information in their work that may be confidential tell the manager, who \
             decides under Article 7 whether to designate it.",
        ),
        clause(route),
        // A breach of the rules is reported like a leak: it is often the first sign of one, and the audit alone
        // would find it a year late.
        sentence(
            lang,
            "従業員等は、この規程又は情報管理基準に反する秘密情報の取扱い（自らによるものを含む。）を知ったときも、前項と同じ順に報告する。",
            "Staff who learn that confidential information is handled against these rules or the standards, \
             including by themselves, report it in the same way.",
        ),
        sentence(
            lang,
            "報告を受けた管理責任者は、速やかに経営者に報告し、事実の確認、被害の拡大の防止、原因の調査及び証拠の保全を行う。対応にあたる人数は必要な最小限とし、その内容は秘密とする。",
            "The manager reports to top management without delay, and establishes the facts, stops further harm, \
             looks into the cause and preserves evidence. As few people as necessary deal with the matter, and they \
             keep it confidential.",
        ),
        sentence(
            lang,
            "会社は、報告した者が報告したことを理由に不利益を受けないようにする。",
            "The Company makes sure no one is disadvantaged for making a report.",
        ),
    ];
    blocks.push(with_measures(&mut a, input, Home::Reporting, "申告", "Reporting", reporting));
    blocks.push(a.article(
        "秘密保持義務",
        "Duty of confidentiality",
        vec![
            sentence(
                lang,
                "従業員等は、在職中も退職後も、会社の許可なく、秘密情報を第三者に開示し、又は業務以外の目的に使ってはならない。",
                "Staff must not, while working for the Company or afterwards, disclose confidential information to \
                 anyone or use it outside their work without the Company's permission.",
            ),
            sentence(
                lang,
                "アクセス権者でない者に秘密情報の内容を伝える必要があるときは、情報管理基準に定める手順による。",
                "Confidential information is passed on to someone who is not an access holder only by the procedure \
                 in the standards.",
            ),
        ],
    ));
    blocks.push(a.article(
        "誓約書等",
        "Pledges",
        vec![
            sentence(
                lang,
                "アクセス権者となる従業員等は、秘密保持誓約書を会社に提出する。",
                "Staff who become access holders sign a confidentiality pledge to the Company.",
            ),
            clause(vec![
                text(tr(
                    lang,
                    "会社は、入社時、扱う秘密情報が変わるとき（昇進・異動など）及び退職時に誓約書の提出を求める。",
                    "The Company asks for a pledge on joining, when the confidential information a person handles \
                     changes (promotion, transfer) and on leaving.",
                )),
                decide(
                    lang,
                    "誓約書を取る時期（例：毎年の教育の際にも取り直す）",
                    "when pledges are taken, e.g. also renewed at each year's training",
                ),
            ]),
        ],
    ));
    blocks.push(a.article(
        "退職者",
        "Leavers",
        vec![
            sentence(
                lang,
                "退職する従業員等は、退職日までに、秘密情報を含む資料、データ及び貸与品をすべて返却し、私物の機器などに保存した秘密情報を消去する。",
                "Staff who leave return all documents, data and equipment holding confidential information by their \
                 last day, and delete any confidential information kept on their own devices.",
            ),
            sentence(
                lang,
                "会社は、退職者のアクセス権を直ちに失効させる。",
                "The Company revokes a leaver's access rights at once.",
            ),
            sentence(
                lang,
                "会社は、退職者に退職時の秘密保持誓約書の提出を求め、退職後も秘密保持の義務が続くことを確認する。",
                "The Company asks leavers to sign a confidentiality pledge on leaving and reminds them that the duty \
                 of confidentiality continues.",
            ),
        ],
    ));
    let mut when = vec![
        text(tr(lang, "教育は、", "Training takes place as follows: ")),
        value(&input.training, 20),
        text(tr(lang, "により行う。", "")),
    ];
    when.extend(unless_answered(
        lang,
        &input.training,
        "教育の時期と方法（例：毎年4月に全員、社内会議で。入社時にも）",
        "when and how training is given, e.g. every April for everyone at a staff meeting, and on joining",
    ));
    let training = vec![
        sentence(
            lang,
            "会社は、全ての従業員等に対し、秘密情報の管理についての教育を年1回以上行う。入社時及び昇進時にも行う。",
            "The Company trains all staff in managing confidential information at least once a year, and also on \
             joining and on promotion.",
        ),
        clause(when),
        sentence(
            lang,
            "教育では、秘密情報とそれ以外の情報の違い、この規程の内容と違反したときの処分、事故やその兆しに気付いたときの報告の手順、標的型メールなどの手口と感染したときの対処を扱う。アクセス権者には、知る必要のある者にだけ伝えるという原則と秘密情報の取扱いの手順を加える。",
            "Training covers how confidential information differs from other information, these rules and the \
             sanctions for breaking them, how to report incidents and their signs, and targeted e-mails and what to \
             do after an infection. Access holders also learn the need-to-know principle and the handling \
             procedures.",
        ),
    ];
    blocks.push(with_measures(&mut a, input, Home::Training, "教育", "Training", training));
    blocks.push(a.article(
        "監査",
        "Internal audit",
        vec![
            sentence(
                lang,
                "会社は、この規程が守られているかについて、定期的に監査を行う。監査は、監査される業務を担当していない者が行う。",
                "The Company audits regularly whether these rules are followed. The audit is done by someone who \
                 does not do the work being audited.",
            ),
            sentence(
                lang,
                "監査では、目録、アクセス権者の管理簿、持出し・複製・廃棄の記録、アクセスの記録（ログ）などを確かめる。",
                "The audit looks at the inventory, the register of access holders, the records of taking out, \
                 copying and disposal, access logs and similar records.",
            ),
            sentence(
                lang,
                "監査の結果は経営者に報告し、見つかった問題は期限を決めて改める。",
                "The results go to top management, and problems found are put right by a set date.",
            ),
            clause(vec![decide(
                lang,
                "監査の時期（例：年1回）と担当者",
                "when audits take place, e.g. once a year, and who does them",
            )]),
        ],
    ));

    blocks.push(chapter(lang, 4, "社外との関係", "Outside parties"));
    let contracts = vec![
        sentence(
            lang,
            "秘密情報を社外の者（委託先、取引先など）に開示するときは、あらかじめ管理責任者の承認を得て、相手方と秘密保持契約を結び、又は秘密保持誓約書の提出を受ける。",
            "Before confidential information is disclosed to anyone outside the Company, such as a subcontractor \
             or business partner, the manager approves it and the other party signs a confidentiality agreement \
             or pledge.",
        ),
        sentence(
            lang,
            "開示する前に、相手方に求める管理の方法をはっきり示し、相手方の管理の状況を確かめる。委託先は、その情報管理の状況を評価したうえで選ぶ。",
            "Before disclosure, the Company states clearly how the other party must protect the information and \
             checks how it does so. Subcontractors are chosen after assessing how they manage information.",
        ),
        sentence(
            lang,
            "取引が終わったときは、開示した秘密情報の返却又は廃棄を求め、その結果を確かめる。",
            "When the work ends, the Company asks for the information to be returned or destroyed and checks that \
             it was.",
        ),
    ];
    blocks.push(with_measures(
        &mut a,
        input,
        Home::Contracts,
        "秘密情報の開示を伴う契約等",
        "Contracts involving disclosure",
        contracts,
    ));
    blocks.push(a.article(
        "第三者の情報の取扱い",
        "Information of third parties",
        vec![
            sentence(
                lang,
                "取引先などから情報を受け取るときは、秘密として扱うべき情報かどうかと、使ってよい目的・範囲、返却の方法などの条件を確かめ、はっきりさせる。",
                "When the Company receives information from a business partner or anyone else, it establishes \
                 whether the information is to be kept confidential and on what terms: the purpose and extent of \
                 use, how it is returned, and so on.",
            ),
            sentence(
                lang,
                "受け取った第三者の秘密情報は、その条件に従い、会社の秘密情報と同じように管理する。",
                "Confidential information received from others is managed on those terms, like the Company's own.",
            ),
            sentence(
                lang,
                "従業員等は、権限のない者から第三者の秘密情報を受け取ってはならず、以前の勤務先の秘密情報を持ち込んではならない。",
                "Staff must not accept others' confidential information from anyone not entitled to give it, nor \
                 bring in confidential information from an earlier employer.",
            ),
        ],
    ));
    blocks.push(a.article(
        "外来者・見学",
        "Visitors and tours",
        vec![
            sentence(
                lang,
                "立入りを制限した区域への来訪者と工場見学者は、その必要性を確かめたうえで受け入れ、秘密保持誓約書の提出を受ける。",
                "Visitors to restricted areas and people on factory tours are admitted only after checking that \
                 they need to be there, and sign a confidentiality pledge.",
            ),
            sentence(
                lang,
                "来訪者にはアクセス権者が付き添い、来訪の記録を受付簿に残す。許可した場合を除き、撮影と録音は禁止する。",
                "An access holder accompanies visitors, and each visit is recorded in the visitor log. Photography \
                 and recording are not allowed unless permitted.",
            ),
            clause(vec![decide(
                lang,
                "来訪・見学を認める者と、受付から退出までの手順",
                "who approves visits and tours, and the steps from reception to leaving",
            )]),
        ],
    ));

    blocks.push(chapter(lang, 5, "雑則", "Miscellaneous"));
    blocks.push(a.article(
        "罰則",
        "Sanctions",
        vec![
            sentence(
                lang,
                "この規程に違反した従業員等は、就業規則の定めるところにより懲戒の対象とする。会社が損害を受けたときは、法令に従い賠償を求めることがある。",
                "Staff who break these rules may be disciplined under the work rules. If the Company suffers loss, it \
                 may claim compensation as the law allows.",
            ),
            clause(vec![decide(
                lang,
                "就業規則の懲戒の条項との対応。就業規則に根拠がなければ懲戒できないため、必要なら就業規則も見直してください",
                "how this links to the disciplinary provisions of your work rules. Discipline needs a basis in the \
                 work rules, so revise them too if needed",
            )]),
        ],
    ));
    blocks.push(para(vec![text(tr(lang, "附則", "Supplementary provision"))]));
    let mut effective = vec![text(tr(lang, "この規程は、", "These rules take effect on "))];
    effective.extend(date_blank(lang));
    effective.push(text(tr(lang, "から施行する。", ".")));
    blocks.push(para(effective));
    let by = vec![
        text(tr(lang, "制定：", "Adopted by: ")),
        value(&input.business, 14),
        text(tr(lang, "\u{3000}", ", ")),
        value(&input.representative_title, 6),
        text(tr(lang, "\u{3000}", " ")),
        value(&input.representative_name, 8),
    ];
    blocks.push(Block::Para { spans: by, align: Align::Right });
    // The person is named here, not in the article, so that a change of person does not change the rules.
    blocks.push(Block::Chapter(match lang {
        Lang::Ja => format!("別表（第{manager_article}条関係）\u{3000}情報管理責任者"),
        Lang::En => format!("Annex (Article {manager_article}): the information manager"),
    }));
    blocks.push(Block::Signature(vec![
        sign_line(tr(lang, "役職", "Post"), vec![value(&input.manager_post, 10)], false),
        sign_line(tr(lang, "氏名", "Name"), vec![value(&input.manager, 10)], false),
        sign_line(tr(lang, "選任日", "Appointed on"), date_blank(lang), false),
    ]));
    blocks
}
