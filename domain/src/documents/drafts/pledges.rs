//! The four confidentiality pledges: on joining, on leaving, for visitors (factory tours) and for partners who
//! receive important information. Each is addressed to the business and its representative, names the business's
//! classification labels, and ends with lines to sign.
//!
//! The joining pledge covers the points the TICS training material asks of people with access rights (keeping
//! secrets from third parties, after access ends and after leaving; following the rules; reporting signs and
//! helping after an incident; accepting checks of access records; returning what is no longer needed), plus
//! the duties a new employee may still owe an earlier employer.
use super::parts::{
    addressed, business_defined, classes, clause, decide, listing, notice, para, sentence, sign_line, text, tr, value,
    Articles,
};
use super::{Align, Article, Block, Clause, Span};
use crate::base::text::Lang;
use crate::documents::DocInput;

/// The lines a person signs with: address, then name (with the seal).
const PERSON: [(&str, &str, u8); 2] = [("住所", "Address", 20), ("氏名", "Name", 14)];

/// What every pledge starts with: the notice, the date and addressee, then the opening paragraph.
fn start(input: &DocInput, opening: Vec<Span>) -> Vec<Block> {
    let mut blocks = vec![notice(input.lang, true)];
    blocks.extend(addressed(input.lang, input));
    blocks.push(para(opening));
    blocks
}

/// The start of a pledge whose opening paragraph names the business: its first words, the business defined as
/// "the Company", then the rest of the sentence; each a (Japanese, English) pair.
fn start_naming_business(input: &DocInput, words: (&str, &str), rest: (&str, &str)) -> Vec<Block> {
    let lang = input.lang;
    let mut opening = vec![text(tr(lang, words.0, words.1))];
    opening.extend(business_defined(lang, input, false));
    opening.push(text(tr(lang, rest.0, rest.1)));
    start(input, opening)
}

/// How every pledge ends: 「以上」 closes a Japanese pledge's text (an English one needs no such word), then the
/// lines to sign, each a label pair and the width of its blank. The seal goes by the last line, the signer's name.
fn end(lang: Lang, lines: &[(&str, &str, u8)]) -> Vec<Block> {
    let mut blocks = match lang {
        Lang::Ja => vec![Block::Para { spans: vec![text("以上")], align: Align::Right }],
        Lang::En => Vec::new(),
    };
    let signed = lines
        .iter()
        .enumerate()
        .map(|(i, &(ja, en, width))| sign_line(tr(lang, ja, en), vec![Span::Blank(width)], i + 1 == lines.len()));
    blocks.push(Block::Signature(signed.collect()));
    blocks
}

/// A sentence naming the business's labels, where `{labels}` stands for them; none while it has no labels.
fn about_labels(input: &DocInput, ja: &str, en: &str) -> Option<String> {
    (!input.classes.is_empty())
        .then(|| tr(input.lang, ja, en).replace("{labels}", &classes(input.lang, &input.classes)))
}

/// The information the pledge names: the inventory's names, or a point to decide when there are none.
fn information_items(lang: Lang, input: &DocInput, hint_ja: &str, hint_en: &str) -> Vec<Vec<Span>> {
    let mut items: Vec<Vec<Span>> = input.information.iter().map(|name| vec![text(name.trim())]).collect();
    items.push(vec![decide(lang, hint_ja, hint_en)]);
    items
}

/// The sentence naming the labels the business marks its information with.
fn marked_with(lang: Lang, input: &DocInput) -> Span {
    match about_labels(
        input,
        "秘密情報には、その重要度に応じて{labels}の表示が付けられています。表示のないものでも、会社から秘密であると示されたものは同じく扱います。",
        "Confidential information is marked {labels} according to its importance. Information without a mark \
         that the Company has said is confidential is treated the same way.",
    ) {
        Some(marked) => text(marked),
        None => decide(lang, "情報に付ける区分の名前", "the labels your information is marked with"),
    }
}

fn reporting_route(lang: Lang, input: &DocInput) -> Vec<Span> {
    if input.reporting_route.trim().is_empty() {
        vec![
            Span::Blank(20),
            decide(
                lang,
                "報告先（例：上長、情報管理責任者）",
                "who to report to, e.g. your superior, the information manager",
            ),
        ]
    } else {
        vec![text(input.reporting_route.trim())]
    }
}

/// The damages article, the same in the pledges on joining and on leaving.
fn employee_damages(a: &mut Articles, lang: Lang) -> Block {
    a.article(
        "損害賠償",
        "Damages",
        vec![sentence(
            lang,
            "この誓約に反して会社に損害を与えたときは、法令に従って責任を負い、その損害を賠償します。",
            "If I break these promises and the Company suffers loss as a result, I will bear the responsibility the \
             law provides and compensate the Company for that loss.",
        )],
    )
}

pub fn joining(input: &DocInput) -> Vec<Block> {
    let lang = input.lang;
    let mut blocks = start_naming_business(
        input,
        ("私は、", "On joining "),
        (
            "に入社するにあたり、会社の秘密情報を守るため、次のことを誓約します。",
            ", I make the following promises to protect the Company's confidential information.",
        ),
    );

    let mut a = Articles::new(lang);
    blocks.push(a.article(
        "秘密情報",
        "Confidential information",
        vec![
            listing(
                lang,
                "この誓約書で「秘密情報」とは、会社が秘密として管理している技術上又は営業上の情報をいい、紙、電子データ、試作品などその形を問いません。次の情報を含みます。",
                "In this pledge, \"confidential information\" means technical or business information that the \
                 Company keeps as confidential, in whatever form: paper, electronic data, prototypes or other \
                 objects. It includes:",
                information_items(
                    lang,
                    input,
                    "この人が扱う情報に合わせて追加・削除してください",
                    "add or remove information to match this person's work",
                ),
            ),
            clause(vec![marked_with(lang, input)]),
        ],
    ));
    blocks.push(a.article(
        "在職中の秘密保持",
        "Confidentiality while employed",
        vec![sentence(
            lang,
            "在職中、会社の許可なく、秘密情報を第三者（社外の者を含む。）に開示し、又は漏えいいたしません。また、秘密情報を担当業務以外の目的に使用いたしません。",
            "While employed, I will not disclose or leak confidential information, without the Company's \
             permission, to anyone it has not authorised to receive it, inside or outside the Company, and I will \
             use it only for my work.",
        )],
    ));
    blocks.push(a.article(
        "アクセス権がなくなった後と退職後",
        "After access ends and after leaving",
        vec![
            sentence(
                lang,
                "担当の変更などで秘密情報に触れる権限がなくなった後も、退職した後も、それまでに知った秘密情報を開示せず、使いません。ただし、誰もが知ることのできる状態になった情報は除きます。",
                "After my right to access confidential information ends, for example when my duties change, and \
                 after I leave the Company, I will neither disclose nor use the confidential information I learned. \
                 This does not apply to information that has become publicly available.",
            ),
            sentence(
                lang,
                "退職に際し、会社から求められた場合には、退職後の秘密保持に関する誓約書を改めて提出いたします。",
                "When I leave, I will sign a further confidentiality pledge for the time after leaving, at the \
                 Company's request.",
            ),
        ],
    ));
    blocks.push(a.article(
        "規程の遵守",
        "Following the rules",
        vec![sentence(
            lang,
            "就業規則、技術情報管理規程その他会社が定める情報の取扱いのルールを守ります。",
            "I will follow the work rules, the technical information management rules and any other rules the \
             Company sets for handling information.",
        )],
    ));
    let mut report = vec![text(tr(
        lang,
        "秘密情報の漏えいにつながるおそれのある事象又はその兆候に気付いたときは、直ちに、",
        "If I notice anything that could lead to a leak of confidential information, or signs of one, I will report \
         it at once, in this order, to: ",
    ))];
    report.extend(reporting_route(lang, input));
    report.push(text(tr(lang, "の順に報告いたします。", "")));
    blocks.push(a.article(
        "報告と事故への対応",
        "Reporting and incidents",
        vec![
            clause(report),
            sentence(
                lang,
                "漏えいなどの事故が起きたときは、会社の指示に従い、被害を抑えるための対応と調査に協力します。",
                "If a leak or other incident happens, I will follow the Company's instructions and help to limit \
                 the damage and to investigate.",
            ),
        ],
    ));
    blocks.push(a.article(
        "記録の確認",
        "Checks of records",
        vec![sentence(
            lang,
            "会社が、私による秘密情報へのアクセスの記録（ログ）や、持出し・複製の記録を確認することに同意します。",
            "I agree that the Company may check the records (logs) of my access to confidential information and \
             the records of what I take out or copy.",
        )],
    ));
    blocks.push(a.article(
        "返却",
        "Returning information",
        vec![sentence(
            lang,
            "担当の変更などで秘密情報を扱う必要がなくなったとき、又は会社から求められたときは、資料・データ・その複製を速やかに返却し、又は会社の指示に従って消去します。",
            "When I no longer need confidential information, for example after a change of duties, or when the \
             Company asks, I will promptly return the documents, data and any copies, or delete them as the \
             Company instructs.",
        )],
    ));
    blocks.push(a.article(
        "入社前に負う義務と第三者の秘密",
        "Duties from before joining and others' secrets",
        vec![
            sentence(
                lang,
                "入社前に、以前の勤務先などに対して秘密保持義務や競業避止義務を負っているときは、その内容を上司に申し出て、その義務を守ります。",
                "If I owe an earlier employer or anyone else a duty of confidentiality or a duty not to compete \
                 from before I joined, I will tell my superior what it covers, and I will keep to it.",
            ),
            sentence(
                lang,
                "以前の勤務先など第三者の秘密情報を、その第三者の承諾なく、会社に持ち込んだり、会社の業務に使ったり、会社に使わせたりしません。",
                "I will not bring confidential information of an earlier employer or any other third party into the \
                 Company, use it in my work for the Company, or lead the Company to use it, without that third \
                 party's consent.",
            ),
        ],
    ));
    blocks.push(employee_damages(&mut a, lang));
    blocks.extend(end(lang, &PERSON));
    blocks
}

pub fn leaving(input: &DocInput) -> Vec<Block> {
    let lang = input.lang;
    let mut blocks = start_naming_business(
        input,
        ("私は、", "On leaving "),
        ("を退職するにあたり、次のことを確認し、誓約します。", ", I confirm and promise the following."),
    );
    let mut a = Articles::new(lang);
    blocks.push(a.article(
        "返却と消去の確認",
        "Return and deletion",
        vec![
            sentence(
                lang,
                "会社の秘密情報を含む資料、データ、記録媒体、試作品、及び社員証・鍵・入館証などの貸与品は、退職日までにすべて会社に返却しました。",
                "By my last day I have returned to the Company all documents, data, storage media and prototypes \
                 holding its confidential information, and everything lent to me, such as my staff card, keys and \
                 entry pass.",
            ),
            sentence(
                lang,
                "私物のパソコンやスマートフォン、個人で使うクラウドサービスやメールに保存した秘密情報はすべて消去し、複製を手元に残していません。",
                "I have deleted all confidential information kept on my own computers or phones, or in cloud \
                 services and e-mail accounts I use privately, and I keep no copies.",
            ),
        ],
    ));
    let mut after = vec![listing(
        lang,
        "在職中に知った次の秘密情報を、退職後も、会社の許可なく第三者に開示せず、自分や転職先その他の第三者のために使いません。ただし、誰もが知ることのできる状態になった情報は除きます。",
        "After leaving, I will not disclose the following confidential information I learned while employed to \
         anyone without the Company's permission, nor use it for myself, a new employer or anyone else. This \
         does not apply to information that has become publicly available.",
        information_items(
            lang,
            input,
            "この人が担当した情報を具体的に書いてください",
            "name the information this person actually worked with",
        ),
    )];
    after.extend(
        about_labels(
            input,
            "{labels}の表示があった情報は、上に挙げていないものも同じく扱います。",
            "Information marked {labels} is covered in the same way, whether or not it is listed above.",
        )
        .map(|covered| clause(vec![text(covered)])),
    );
    blocks.push(a.article("退職後の秘密保持", "Confidentiality after leaving", after));
    blocks.push(a.article(
        "競業についての取決め",
        "Competing work",
        vec![clause(vec![decide(
            lang,
            "退職後の競業避止を求めるかどうか。求める場合は、期間・地域・職種を必要な範囲に限り、代わりの措置（手当など）も含めて専門家と検討のうえ書き入れてください。求めない場合は本条を削除します",
            "whether to ask the leaver not to compete. If you do, limit the period, area and kind of work to what \
             you really need, consider compensation, and write it in with expert advice. If you do not, delete \
             this article",
        )])],
    ));
    blocks.push(a.article(
        "退職後の協力",
        "Help after leaving",
        vec![sentence(
            lang,
            "退職後に、会社の秘密情報が漏れている兆しに気付いたとき、又は会社から問合せを受けたときは、会社に知らせ、調査に協力します。",
            "If after leaving I notice signs that the Company's confidential information is leaking, or the \
             Company asks me about it, I will tell the Company and help with its inquiries.",
        )],
    ));
    blocks.push(employee_damages(&mut a, lang));
    blocks.extend(end(lang, &PERSON));
    blocks
}

pub fn visitor(input: &DocInput) -> Vec<Block> {
    let lang = input.lang;
    let mut blocks = start(
        input,
        match lang {
            Lang::Ja => vec![
                text("私は、"),
                Span::Blank(3),
                text("年"),
                Span::Blank(2),
                text("月"),
                Span::Blank(2),
                text("日に、"),
                value(&input.business, 14),
                text("（以下「会社」といいます。）の"),
                Span::Blank(10),
                text("（工場・事業所の名称）を見学・訪問するにあたり、次のことを誓約します。"),
            ],
            Lang::En => vec![
                text("For my visit or tour of "),
                Span::Blank(10),
                text(" (site or factory) of "),
                value(&input.business, 14),
                text(" (the \"Company\") on "),
                Span::Blank(10),
                text(" (date), I promise the following."),
            ],
        },
    );
    let mut secret = tr(
        lang,
        "見学・訪問の間に見聞きした情報のうち、会社が秘密であると示したもの（以下「秘密情報」といいます。）を、第三者に開示したり漏らしたりせず、見学・訪問の目的以外には使いません。",
        "I will not disclose or leak to anyone the information I see or hear during the visit that the Company \
         indicates is confidential (\"confidential information\"), and I will not use it for anything other than \
         the purpose of the visit.",
    );
    secret.extend(about_labels(
        input,
        "{labels}の表示がある物や場所の情報も秘密情報として扱います。",
        " Information on anything or any place marked {labels} is confidential information too.",
    ));
    let items = vec![
        vec![text(secret)],
        vec![
            text(tr(
                lang,
                "会社の許可なく、写真若しくは動画の撮影又は録音を行いません。カメラ及び携帯端末は、会社の指示に従い、預け入れ、又は使用いたしません。",
                "I will not take photographs or videos or make recordings without the Company's permission. As the \
                 Company instructs, I will either deposit cameras and mobile devices with it or refrain from using \
                 them.",
            )),
            decide(
                lang,
                "見学先で持込みや撮影を認める物と場所（認めない場合はこの注記を削除）",
                "what visitors may bring in or photograph, and where; delete this note if nothing is allowed",
            ),
        ],
        vec![text(tr(
            lang,
            "案内者の指示に従い、許可された場所以外には立ち入りません。貸与された入館証等は、見やすい位置に着用いたします。",
            "I will follow my guide's instructions and enter only the places I am allowed into. I will wear any \
             visitor badge I am given where it can be seen.",
        ))],
        vec![text(tr(
            lang,
            "見学・訪問の際に受領した資料は、会社の求めに応じて返却いたします。",
            "I will return any documents I receive during the visit at the Company's request.",
        ))],
    ];
    blocks.push(Block::Article(Article {
        heading: tr(lang, "記", "Undertakings"),
        clauses: vec![Clause { spans: Vec::new(), items }],
    }));
    let mut lines = vec![("所属（会社名・部署）", "Organisation and department", 20)];
    lines.extend(PERSON);
    blocks.extend(end(lang, &lines));
    blocks
}

pub fn partner(input: &DocInput) -> Vec<Block> {
    let lang = input.lang;
    let mut blocks = start_naming_business(
        input,
        ("当社は、", "We make the following promises to "),
        (
            "から提供を受ける秘密情報の取扱いについて、次のとおり誓約します。",
            " on the confidential information the Company provides to us.",
        ),
    );
    let mut a = Articles::new(lang);
    let mut defined = vec![text(tr(
        lang,
        "この誓約書で「秘密情報」とは、会社が書面、電子データ、口頭、現物などにより当社に提供する情報のうち、秘密であると示したもの及びその複製をいいます。",
        "In this pledge, \"confidential information\" means information the Company provides to us on paper, as \
         electronic data, orally or as objects and indicates as confidential, and any copy of it.",
    ))];
    defined.extend(
        about_labels(
            input,
            "{labels}の表示がある情報は、秘密情報です。",
            " Information marked {labels} is confidential information.",
        )
        .map(text),
    );
    blocks.push(a.article(
        "秘密情報",
        "Confidential information",
        vec![
            clause(defined),
            sentence(
                lang,
                "ただし、受け取った時点ですでに公知だった情報、受け取った後に当社の責めによらず公知となった情報、当社が受け取る前から正当に持っていた情報、及び正当な権限を持つ第三者から秘密保持の義務を負わずに得た情報は除きます。",
                "It does not include information that was public when we received it, became public afterwards \
                 through no fault of ours, was lawfully ours before we received it, or was obtained from a third \
                 party entitled to give it without a duty of confidentiality.",
            ),
        ],
    ));
    blocks.push(a.article(
        "目的外利用の禁止",
        "Use only for the purpose",
        vec![clause(vec![
            text(tr(lang, "秘密情報は、", "We will use confidential information only for: ")),
            Span::Blank(20),
            text(tr(lang, "の目的のためにのみ使用いたします。", "")),
            decide(lang, "取引・委託の内容（例：部品Aの加工）", "the work concerned, e.g. machining part A"),
        ])],
    ));
    blocks.push(a.article(
        "管理",
        "Protection",
        vec![
            sentence(
                lang,
                "秘密情報は、その目的のために知る必要のある当社の役員及び従業員に限って扱わせ、その者にこの誓約と同じ義務を守らせます。",
                "Only our directors and employees who need to know it for that purpose will handle confidential \
                 information, and we will make them keep the same duties as this pledge.",
            ),
            sentence(
                lang,
                "秘密情報は、施錠できる場所への保管やアクセス制限など、会社が事前に示した管理の方法に従って管理します。",
                "We will protect confidential information in the ways the Company sets out in advance, such as \
                 locked storage and access restrictions.",
            ),
        ],
    ));
    blocks.push(a.article(
        "第三者への開示と再委託",
        "Disclosure and subcontracting",
        vec![sentence(
            lang,
            "会社の書面による事前の承諾なく、秘密情報を第三者に開示せず、秘密情報を扱う業務を再委託しません。承諾を得て再委託するときは、再委託先にこの誓約と同等の義務を負わせ、その管理について会社に対して責任を負います。",
            "Without the Company's prior written consent we will not disclose confidential information to anyone \
             else or subcontract work that involves it. If we subcontract with consent, we will bind the \
             subcontractor to duties equal to this pledge and answer to the Company for how it protects the \
             information.",
        )],
    ));
    blocks.push(a.article(
        "複製",
        "Copies",
        vec![sentence(
            lang,
            "目的のために必要な範囲を超えて秘密情報を複製しません。複製も秘密情報として扱います。",
            "We will not copy confidential information beyond what the purpose needs, and we will treat every \
             copy as confidential information.",
        )],
    ));
    blocks.push(a.article(
        "事故の報告",
        "Reporting incidents",
        vec![sentence(
            lang,
            "秘密情報の漏えいや紛失、又はそのおそれに気付いたときは、直ちに会社に報告し、会社の指示に従って被害を抑えるための措置をとります。",
            "If we find that confidential information has leaked or been lost, or may have been, we will report it \
             to the Company at once and take the steps the Company instructs to limit the damage.",
        )],
    ));
    blocks.push(a.article(
        "管理状況の確認",
        "Checks by the Company",
        vec![sentence(
            lang,
            "会社から求めがあったときは、秘密情報の管理の状況を報告し、会社による確認（当社の事業所への立入りを含みます。）に協力します。",
            "When the Company asks, we will report how we protect confidential information and cooperate with \
             the Company's checks, including visits to our premises.",
        )],
    ));
    blocks.push(a.article(
        "返却と廃棄",
        "Return and disposal",
        vec![sentence(
            lang,
            "取引が終わったとき、又は会社から求められたときは、秘密情報を速やかに返却し、又は復元できない方法で廃棄して、その旨を会社に書面で報告します。",
            "When the work ends, or when the Company asks, we will promptly return confidential information or \
             destroy it so that it cannot be recovered, and confirm this to the Company in writing.",
        )],
    ));
    blocks.push(a.article(
        "有効期間",
        "Duration",
        vec![clause(vec![
            text(tr(lang, "この誓約は、取引が終わった後も", "This pledge remains in force for ")),
            Span::Blank(3),
            text(tr(lang, "年間、有効に存続するものとします。", " years after the work ends.")),
            decide(lang, "取引終了後に義務が続く年数", "how many years the duties last after the work ends"),
        ])],
    ));
    blocks.push(a.article(
        "損害賠償",
        "Damages",
        vec![sentence(
            lang,
            "当社がこの誓約に反して会社に損害を与えたときは、その損害を賠償します。",
            "If we break this pledge and the Company suffers loss as a result, we will compensate the Company for \
             that loss.",
        )],
    ));
    blocks.extend(end(
        lang,
        &[
            ("所在地", "Address", 20),
            ("商号", "Company name", 16),
            ("代表者（役職・氏名）", "Representative (title and name)", 14),
        ],
    ));
    blocks
}
