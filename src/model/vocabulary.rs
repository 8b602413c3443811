//! The field vocabulary: every column declared in any table is a field, and
//! the same name in several tables is the same field. A table kind is then
//! only a named group of fields that usually stand together; header matching
//! and rules work on fields.

use super::tables::{ColumnType, TableSpec};
use std::collections::HashMap;

/// One field: its canonical name, type, every synonym any table gives it,
/// and the tables that declare it.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    /// The type of the first declaration; an enumeration lists the union of
    /// every declaration's values.
    pub ty: ColumnType,
    pub synonyms: Vec<String>,
    /// Indices into the rule book's tables.
    pub tables: Vec<usize>,
}

/// Two declarations of one field with different types.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    pub field: String,
    pub first_table: String,
    pub first_ty: &'static str,
    /// The later declaration: table index, column index.
    pub table: usize,
    pub column: usize,
    pub ty: &'static str,
}

impl FieldConflict {
    pub fn message(&self, tables: &[TableSpec]) -> String {
        format!(
            "字段“{}”在表“{}”中是{}，在表“{}”中却是{}：同名的列是同一个字段，类型必须一致",
            self.field, self.first_table, self.first_ty, tables[self.table].name, self.ty
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocabulary {
    pub fields: Vec<Field>,
    by_name: HashMap<String, usize>,
}

impl Vocabulary {
    /// The union of the columns of `tables` (all but `skip`, the project
    /// facts, whose names are a separate namespace: `项目.名称`).
    pub fn build(tables: &[TableSpec], skip: Option<usize>) -> (Vocabulary, Vec<FieldConflict>) {
        let mut v = Vocabulary::default();
        let mut conflicts = Vec::new();
        for (t, spec) in tables.iter().enumerate() {
            if Some(t) == skip {
                continue;
            }
            for (c, col) in spec.columns.iter().enumerate() {
                let Some(&i) = v.by_name.get(&col.name) else {
                    v.by_name.insert(col.name.clone(), v.fields.len());
                    v.fields.push(Field {
                        name: col.name.clone(),
                        ty: col.ty.clone(),
                        synonyms: col.aliases.clone(),
                        tables: vec![t],
                    });
                    continue;
                };
                let f = &mut v.fields[i];
                if f.ty.name() != col.ty.name() {
                    conflicts.push(FieldConflict {
                        field: col.name.clone(),
                        first_table: tables[f.tables[0]].name.clone(),
                        first_ty: f.ty.name(),
                        table: t,
                        column: c,
                        ty: col.ty.name(),
                    });
                    continue;
                }
                if let (ColumnType::枚举(have), ColumnType::枚举(more)) = (&mut f.ty, &col.ty) {
                    for m in more {
                        if !have.contains(m) {
                            have.push(m.clone());
                        }
                    }
                }
                for a in &col.aliases {
                    if !f.synonyms.contains(a) {
                        f.synonyms.push(a.clone());
                    }
                }
                f.tables.push(t);
            }
        }
        (v, conflicts)
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.by_name.get(name).map(|&i| &self.fields[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tables::ColumnSpec;
    use crate::value::AmountUnit;

    fn table(name: &str, cols: Vec<(&str, ColumnType, &[&str])>) -> TableSpec {
        TableSpec {
            name: name.into(),
            aliases: vec![],
            columns: cols
                .into_iter()
                .map(|(n, ty, a)| ColumnSpec {
                    name: n.into(),
                    aliases: a.iter().map(|s| s.to_string()).collect(),
                    ty,
                    required: false,
                    unique: false,
                })
                .collect(),
            has_total: false,
            citations: vec![],
        }
    }

    #[test]
    fn same_name_is_one_field_with_merged_synonyms_and_values() {
        let money = |unit| ColumnType::金额 { unit };
        let tables = vec![
            table(
                "甲",
                vec![
                    ("合同金额", money(AmountUnit::元), &["合同价款"]),
                    ("级次", ColumnType::枚举(vec!["省级".into()]), &[]),
                ],
            ),
            table(
                "乙",
                vec![
                    ("合同金额", money(AmountUnit::万元), &["合同总金额"]),
                    ("级次", ColumnType::枚举(vec!["县级".into()]), &[]),
                ],
            ),
        ];
        let (v, conflicts) = Vocabulary::build(&tables, None);
        assert!(conflicts.is_empty());
        assert_eq!(v.fields.len(), 2);
        let f = v.field("合同金额").unwrap();
        assert_eq!(f.synonyms, vec!["合同价款", "合同总金额"]);
        assert_eq!(f.tables, vec![0, 1]);
        assert_eq!(
            v.field("级次").unwrap().ty,
            ColumnType::枚举(vec!["省级".into(), "县级".into()])
        );
    }

    #[test]
    fn types_must_agree() {
        let tables = vec![
            table("甲", vec![("有效期", ColumnType::期间, &[])]),
            table("乙", vec![("有效期", ColumnType::日期, &[])]),
        ];
        let (_, conflicts) = Vocabulary::build(&tables, None);
        assert_eq!(conflicts.len(), 1);
        assert!(conflicts[0].message(&tables).contains("在表“甲”中是期间"));
        // The facts declaration is its own namespace.
        let (_, none) = Vocabulary::build(&tables, Some(1));
        assert!(none.is_empty());
    }
}
