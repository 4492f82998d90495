//! The documents the work needs, made from the self-check: Excel registers (管理簿) and Word pledges and rules
//! (誓約書, 規程). This module names them and says what each is for; a catalogue item names the templates that
//! serve it (its `templates` field, data like the rest of the catalogue), and the documents part makes their
//! content.
use serde::{Deserialize, Serialize};

use crate::base::text::Text;

/// An Excel register, pre-filled from the self-check and with room for a year of entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegisterKind {
    /// The information inventory (目録) itself, as a workbook to keep.
    Inventory,
    /// Taking out, copying and disposing of important information (持出し・複製・廃棄管理簿).
    TakeOut,
    /// Keys and combination locks: lending and number changes (鍵・暗証番号管理簿).
    Keys,
    /// Who holds access rights, since when, trained when (アクセス権者管理簿).
    AccessHolders,
    /// Visitors to restricted areas and factory tours (来訪者受付簿).
    Visitors,
    /// Servers, PCs, network equipment and cloud services (システム構成要素管理簿).
    SystemComponents,
}

/// A Word document: a pledge or the management rules. Serialised (snake case) in the Word worker's requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// An employee's pledge on joining (入社時の秘密保持誓約書).
    PledgeJoining,
    /// An employee's pledge on leaving (退職時の秘密保持誓約書).
    PledgeLeaving,
    /// A visitor's pledge, e.g. for a factory tour (見学者の秘密保持誓約書).
    PledgeVisitor,
    /// A partner's pledge for information handed over (取引先の秘密保持誓約書).
    PledgePartner,
    /// The management rules (技術情報管理規程), a draft in 18 articles.
    Rules,
}

/// Any of the templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Template {
    Register(RegisterKind),
    Document(DocKind),
}

impl RegisterKind {
    pub const ALL: [RegisterKind; 6] = [
        RegisterKind::Inventory,
        RegisterKind::TakeOut,
        RegisterKind::Keys,
        RegisterKind::AccessHolders,
        RegisterKind::Visitors,
        RegisterKind::SystemComponents,
    ];
}

impl DocKind {
    pub const ALL: [DocKind; 5] = [
        DocKind::PledgeJoining,
        DocKind::PledgeLeaving,
        DocKind::PledgeVisitor,
        DocKind::PledgePartner,
        DocKind::Rules,
    ];
}

impl Template {
    /// Every template, registers first, in the order the documents view lists them.
    pub fn all() -> Vec<Template> {
        RegisterKind::ALL
            .into_iter()
            .map(Template::Register)
            .chain(DocKind::ALL.into_iter().map(Template::Document))
            .collect()
    }

    /// Stable key: file names, DOM ids, test ids.
    pub fn key(self) -> &'static str {
        match self {
            Template::Register(RegisterKind::Inventory) => "inventory",
            Template::Register(RegisterKind::TakeOut) => "takeout-register",
            Template::Register(RegisterKind::Keys) => "key-register",
            Template::Register(RegisterKind::AccessHolders) => "access-register",
            Template::Register(RegisterKind::Visitors) => "visitor-log",
            Template::Register(RegisterKind::SystemComponents) => "system-register",
            Template::Document(DocKind::PledgeJoining) => "pledge-joining",
            Template::Document(DocKind::PledgeLeaving) => "pledge-leaving",
            Template::Document(DocKind::PledgeVisitor) => "pledge-visitor",
            Template::Document(DocKind::PledgePartner) => "pledge-partner",
            Template::Document(DocKind::Rules) => "rules",
        }
    }

    pub fn title(self) -> Text {
        match self {
            Template::Register(RegisterKind::Inventory) => {
                Text::new("重要情報の目録", "Inventory of important information")
            }
            Template::Register(RegisterKind::TakeOut) => {
                Text::new("持出し・複製・廃棄の管理簿", "Register of taking out, copying and disposal")
            }
            Template::Register(RegisterKind::Keys) => Text::new("鍵・暗証番号の管理簿", "Key and combination register"),
            Template::Register(RegisterKind::AccessHolders) => {
                Text::new("アクセス権者の管理簿", "Register of access holders")
            }
            Template::Register(RegisterKind::Visitors) => Text::new("来訪者の受付簿", "Visitor log"),
            Template::Register(RegisterKind::SystemComponents) => {
                Text::new("システム構成要素の管理簿", "Register of system components")
            }
            Template::Document(DocKind::PledgeJoining) => {
                Text::new("秘密保持誓約書（入社時）", "Confidentiality pledge (on joining)")
            }
            Template::Document(DocKind::PledgeLeaving) => {
                Text::new("秘密保持誓約書（退職時）", "Confidentiality pledge (on leaving)")
            }
            Template::Document(DocKind::PledgeVisitor) => {
                Text::new("秘密保持誓約書（見学・来訪者）", "Confidentiality pledge (visitors and factory tours)")
            }
            Template::Document(DocKind::PledgePartner) => {
                Text::new("秘密保持誓約書（取引先）", "Confidentiality pledge (business partners)")
            }
            Template::Document(DocKind::Rules) => {
                Text::new("技術情報管理規程（案）", "Technical information management rules (draft)")
            }
        }
    }

    /// What it is for, in a sentence or two.
    /// Where the template stands in the training material: none is demanded by itself; each serves a measure,
    /// and the inventory is made where needed. Shown beside each template so that no one takes all of them for
    /// requirements.
    pub fn standing(self) -> Text {
        match self {
            Template::Register(RegisterKind::Inventory) => Text::new(
                "必要に応じて作るもの: 特定した重要情報の保管場所などを記録する目録です。",
                "Made as needed: an inventory recording where the information identified is kept.",
            ),
            Template::Register(RegisterKind::SystemComponents) => Text::new(
                "電子情報に対する主な対策の一つです（必須の書類ではありません）。",
                "One of the main measures for electronic information (not a required document).",
            ),
            Template::Register(RegisterKind::TakeOut) => Text::new(
                "持出し・複製・廃棄の状況がわかるようにする対策の記録です。",
                "The record of the measure that shows taking out, copying and disposal.",
            ),
            Template::Register(RegisterKind::Keys) => Text::new(
                "鍵の管理手順を決めたときの記録です。",
                "The record kept where key handling is part of the measures.",
            ),
            Template::Register(RegisterKind::AccessHolders) => Text::new(
                "アクセス権を決め、定期的に見直す対策の記録です。",
                "The record of the measure that sets and reviews access rights.",
            ),
            Template::Register(RegisterKind::Visitors) => Text::new(
                "立入りを制限する区域を設けたときの記録です。",
                "The record kept where restricted areas are part of the measures.",
            ),
            Template::Document(_) => Text::new(
                "研修素材に例がある文書です。自社の対策に合わせて使います。",
                "The training material gives an example of this document; adapt it to your own measures.",
            ),
        }
    }

    pub fn purpose(self) -> Text {
        match self {
            Template::Register(RegisterKind::Inventory) => Text::new(
                "守るべき情報の一覧です。保管場所・管理者・区分を記録し、対策を決める出発点にします。",
                "The list of information to protect: where it is kept, who manages it and how it is classified. \
                 Every other measure starts from it.",
            ),
            Template::Register(RegisterKind::TakeOut) => Text::new(
                "重要情報を持ち出す・複製する・廃棄するたびに、誰がいつ何のために行い、誰が承認したかを記録します。",
                "Records each time important information is taken out, copied or disposed of: who, when, why, and \
                 who approved it.",
            ),
            Template::Register(RegisterKind::Keys) => Text::new(
                "保管容器や立入制限区域の鍵の貸出しと返却、暗証番号を変えた日を記録します。",
                "Records lending and return of the keys to containers and restricted areas, and when combinations \
                 were changed.",
            ),
            Template::Register(RegisterKind::AccessHolders) => Text::new(
                "アクセス権を持つ人の氏名・役職・付与日・教育の受講・誓約書・失効日を記録し、定期的な見直しに使います。",
                "Records who holds access rights: name, position, date granted, training, pledge and date revoked. \
                 Used for the periodic review.",
            ),
            Template::Register(RegisterKind::Visitors) => Text::new(
                "立入制限区域への来訪者と工場見学者の受付記録です。誓約書の取得と立会者も記録します。",
                "Reception record of visitors to restricted areas and factory tours, with the pledge obtained and \
                 who accompanied them.",
            ),
            Template::Register(RegisterKind::SystemComponents) => Text::new(
                "重要情報を扱うサーバ・PC・ネットワーク機器・クラウドサービスの一覧です。管理者と更新状況を記録します。",
                "The servers, PCs, network equipment and cloud services that hold important information, with \
                 their administrators and update status.",
            ),
            Template::Document(DocKind::PledgeJoining) => Text::new(
                "入社時に、在職中と退職後の秘密保持、規程の遵守、前職の守秘義務などを約束してもらう書面です。",
                "Signed on joining: confidentiality during and after employment, following the rules, and duties \
                 owed to earlier employers.",
            ),
            Template::Document(DocKind::PledgeLeaving) => Text::new(
                "退職時に、知り得た重要情報を使わない・開示しないこと、資料の返却を確認する書面です。",
                "Signed on leaving: the information learned is neither used nor disclosed, and all material has been \
                 returned.",
            ),
            Template::Document(DocKind::PledgeVisitor) => Text::new(
                "工場見学などの来訪者に、見聞きした情報を第三者に開示しないことを約束してもらう書面です。",
                "Signed by visitors, e.g. on a factory tour: what they see and hear is not disclosed to others.",
            ),
            Template::Document(DocKind::PledgePartner) => Text::new(
                "委託先など重要情報を渡す取引先に、目的外利用の禁止や返却・廃棄を約束してもらう書面です。",
                "Signed by partners who receive important information: use only for the purpose, protection, \
                 return or disposal.",
            ),
            Template::Document(DocKind::Rules) => Text::new(
                "管理体制・分類・従業員の義務・社外対応・罰則を定める社内規程の案です。自社で決める点を明示しています。",
                "A draft of the internal rules: organisation, classification, staff duties, outside parties and \
                 sanctions. What the business must still decide is marked.",
            ),
        }
    }
}

impl Template {
    /// The template of a key ([`Template::key`]), as catalogue files name it.
    pub fn from_key(key: &str) -> Option<Template> {
        Template::all().into_iter().find(|t| t.key() == key)
    }
}

/// In files (a catalogue item's `templates`) a template is its key, e.g. `"takeout-register"`.
impl Serialize for Template {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Template {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        Template::from_key(&key).ok_or_else(|| {
            let known: Vec<&str> = Template::all().iter().map(|t| t.key()).collect();
            serde::de::Error::custom(format!("unknown template \"{key}\" (known: {})", known.join(", ")))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;
    use std::collections::BTreeSet;

    #[test]
    fn every_template_serves_an_item_of_the_standard_catalogue_and_reads_back_from_its_key() {
        let catalogue = Catalogue::default_tics().unwrap();
        let served: BTreeSet<Template> = catalogue.items.iter().flat_map(|i| i.templates.iter().copied()).collect();
        assert_eq!(served, Template::all().into_iter().collect());
        for t in Template::all() {
            assert_eq!(Template::from_key(t.key()), Some(t));
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", t.key()));
        }
        assert!(serde_json::from_str::<Template>("\"minutes\"").unwrap_err().to_string().contains("known: inventory"));
    }

    #[test]
    fn no_template_is_called_a_requirement_and_the_inventory_is_made_as_needed() {
        assert!(Template::Register(RegisterKind::Inventory).standing().ja.contains("必要に応じて"));
        assert!(Template::Register(RegisterKind::SystemComponents).standing().ja.contains("主な対策の一つ"));
        for t in Template::all() {
            let s = t.standing();
            assert!(!s.is_incomplete(), "{t:?}");
            assert!(!s.ja.contains("必須です") && !s.en.contains("required by"), "{t:?}");
        }
    }

    #[test]
    fn keys_are_unique() {
        let keys: BTreeSet<&str> = Template::all().iter().map(|t| t.key()).collect();
        assert_eq!(keys.len(), Template::all().len());
    }
}
