//! `jicai rules diff P Q`: where two rule sets differ, for staff comparing
//! jurisdictions. Parameters are compared by name and value; rules by id
//! and by the rule set that defines them (an inherited rule is the same
//! rule; an override is a different definition even if it reads alike).

use crate::model::{CompiledRule, Parameter, RuleSet};
use serde::Serialize;

/// One side of a difference: what the value or rule is there, and where it
/// is defined ("浙江（覆盖 全国）").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamSide {
    pub value: String,
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamDiff {
    pub name: String,
    pub left: Option<ParamSide>,
    pub right: Option<ParamSide>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleSide {
    pub title: String,
    /// 程度 word (应当, 一般, …).
    pub level: String,
    /// error / warning / info.
    pub severity: String,
    pub origin: String,
    pub require: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleChange {
    /// Only the left set has the rule.
    OnlyLeft,
    /// Only the right set has the rule.
    OnlyRight,
    /// Both have it, defined in different places (one overrides).
    Redefined,
}

impl RuleChange {
    /// Chinese label naming the set concerned.
    pub fn label(self, left: &str, right: &str) -> String {
        match self {
            RuleChange::OnlyLeft => format!("仅{left}有"),
            RuleChange::OnlyRight => format!("仅{right}有"),
            RuleChange::Redefined => "定义不同".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleDiff {
    pub id: String,
    pub change: RuleChange,
    pub left: Option<RuleSide>,
    pub right: Option<RuleSide>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleSetDiff {
    pub left: String,
    pub right: String,
    pub params: Vec<ParamDiff>,
    pub rules: Vec<RuleDiff>,
    /// Rules both sets share unchanged (same definition).
    pub same_rules: usize,
    /// Parameters both sets share with the same value.
    pub same_params: usize,
}

impl RuleSetDiff {
    pub fn is_empty(&self) -> bool {
        self.params.is_empty() && self.rules.is_empty()
    }
    pub fn count(&self, change: RuleChange) -> usize {
        self.rules.iter().filter(|r| r.change == change).count()
    }
}

fn param_side(p: &Parameter) -> ParamSide {
    ParamSide {
        value: p.display_value(),
        origin: p.origin(),
    }
}

fn rule_side(r: &CompiledRule) -> RuleSide {
    RuleSide {
        title: r.title.clone(),
        level: r.level.word().to_string(),
        severity: r.severity.as_str().to_string(),
        origin: r.origin(),
        require: r.require_text.clone(),
    }
}

/// Compares `left` with `right`. Parameters and rules keep the left set's
/// order, then the right set's additions in its order.
pub fn diff(left: &RuleSet, right: &RuleSet) -> RuleSetDiff {
    let mut params = Vec::new();
    let mut same_params = 0;
    for p in &left.params {
        match right.param(&p.name) {
            Some(q) if p.display_value() == q.display_value() => same_params += 1,
            q => params.push(ParamDiff {
                name: p.name.clone(),
                left: Some(param_side(p)),
                right: q.map(param_side),
            }),
        }
    }
    for q in right
        .params
        .iter()
        .filter(|q| left.param(&q.name).is_none())
    {
        params.push(ParamDiff {
            name: q.name.clone(),
            left: None,
            right: Some(param_side(q)),
        });
    }

    let mut rules = Vec::new();
    let mut same_rules = 0;
    for r in &left.rules {
        match right.rule(&r.id) {
            Some(s) if s.defined_in == r.defined_in => same_rules += 1,
            Some(s) => rules.push(RuleDiff {
                id: r.id.clone(),
                change: RuleChange::Redefined,
                left: Some(rule_side(r)),
                right: Some(rule_side(s)),
            }),
            None => rules.push(RuleDiff {
                id: r.id.clone(),
                change: RuleChange::OnlyLeft,
                left: Some(rule_side(r)),
                right: None,
            }),
        }
    }
    for s in right.rules.iter().filter(|s| left.rule(&s.id).is_none()) {
        rules.push(RuleDiff {
            id: s.id.clone(),
            change: RuleChange::OnlyRight,
            left: None,
            right: Some(rule_side(s)),
        });
    }
    RuleSetDiff {
        left: left.name.clone(),
        right: right.name.clone(),
        params,
        rules,
        same_rules,
        same_params,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::RuleLibrary;

    fn sets<'a>(lib: &'a RuleLibrary, a: &str, b: &str) -> (&'a RuleSet, &'a RuleSet) {
        match (lib.ruleset(a), lib.ruleset(b)) {
            (Ok(x), Ok(y)) => (x, y),
            _ => panic!("内置规则集 {a}/{b} 应存在"),
        }
    }

    #[test]
    fn a_set_equals_itself() {
        let lib = RuleLibrary::open(None).expect("内置规则");
        let (z, _) = sets(&lib, "zhejiang", "zhejiang");
        let d = diff(z, z);
        assert!(d.is_empty());
        assert_eq!(d.same_rules, z.rules.len());
        assert_eq!(d.same_params, z.params.len());
    }

    #[test]
    fn child_adds_and_overrides() {
        let lib = RuleLibrary::open(None).expect("内置规则");
        let (n, z) = sets(&lib, "national", "zhejiang");
        let d = diff(n, z);
        let change = |id: &str| d.rules.iter().find(|r| r.id == id).map(|r| r.change);
        assert_eq!(change("ZJ-03"), Some(RuleChange::OnlyRight));
        assert_eq!(change("GP-46"), Some(RuleChange::Redefined));
        assert_eq!(change("GP-47"), None, "inherited unchanged");
        let gp46 = d.rules.iter().find(|r| r.id == "GP-46").expect("GP-46");
        assert_eq!(
            gp46.right.as_ref().map(|s| s.origin.as_str()),
            Some("浙江（覆盖 全国）")
        );
        assert!(
            d.params
                .iter()
                .any(|p| p.name == "带量鼓励门槛" && p.left.is_none())
        );
        // Reversed, the same rules appear on the other side.
        let back = diff(z, n);
        assert_eq!(
            back.count(RuleChange::OnlyLeft),
            d.count(RuleChange::OnlyRight)
        );
        assert_eq!(
            back.count(RuleChange::Redefined),
            d.count(RuleChange::Redefined)
        );
    }

    #[test]
    fn siblings_share_the_national_rules() {
        let lib = RuleLibrary::open(None).expect("内置规则");
        let (s, l) = sets(&lib, "shandong", "liaocheng");
        let d = diff(s, l);
        assert_eq!(d.count(RuleChange::OnlyLeft), 0);
        assert_eq!(d.count(RuleChange::OnlyRight), 0);
        assert!(d.rules.iter().all(|r| r.change == RuleChange::Redefined));
        assert!(d.params.is_empty());
    }
}
