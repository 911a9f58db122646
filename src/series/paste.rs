//! A roster pasted as lines of "Name, team, job title" (or tab-separated, as
//! a spreadsheet copies): each line read on its own, and each refusal named
//! by its line. Pure.

use super::roster::{PersonInput, MAX_PERSON_CHARS};
use crate::language::Sentence;
use crate::workshop::Group;

/// A pasted line that could not be read, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct LineRefusal {
    /// 1-based line number in the pasted text.
    pub line: usize,
    /// The line as pasted.
    pub text: String,
    /// What is wrong, in plain words.
    pub why: Sentence,
}

/// The people on the pasted lines, and the lines refused. Blank lines are
/// skipped. A tab-separated line splits on tabs only, so a name or job title
/// may hold a comma; otherwise the first comma ends the name, the second the
/// team, and the rest is the job title.
pub fn read_pasted(text: &str) -> (Vec<PersonInput>, Vec<LineRefusal>) {
    let mut people = Vec::new();
    let mut refused = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        match read_line(raw) {
            Ok(person) => people.push(person),
            Err(why) => refused.push(LineRefusal {
                line: i + 1,
                text: raw.trim().chars().take(MAX_PERSON_CHARS * 2).collect(),
                why,
            }),
        }
    }
    (people, refused)
}

fn read_line(raw: &str) -> Result<PersonInput, Sentence> {
    let fields: Vec<&str> = if raw.contains('\t') {
        raw.split('\t').collect()
    } else {
        raw.splitn(3, ',').collect()
    };
    let name = fields[0].trim();
    if name.is_empty() {
        return Err(Sentence::new("paste-no-name"));
    }
    let Some(team) = fields.get(1).map(|t| t.trim()) else {
        return Err(Sentence::new("paste-no-team"));
    };
    let group = team_named(team)
        .ok_or_else(|| Sentence::new("paste-not-a-team").with("team", team.to_string()))?;
    if name.chars().count() > MAX_PERSON_CHARS {
        return Err(Sentence::new("paste-name-too-long").with("n", MAX_PERSON_CHARS));
    }
    let job_title = fields[2..].join(", ").trim().to_string();
    if job_title.chars().count() > MAX_PERSON_CHARS {
        return Err(Sentence::new("paste-job-too-long").with("n", MAX_PERSON_CHARS));
    }
    Ok(PersonInput {
        id: None,
        name: name.to_string(),
        group,
        job_title: (!job_title.is_empty()).then_some(job_title),
    })
}

/// A team as a council might write it.
pub fn team_named(team: &str) -> Option<Group> {
    let key: String = team
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        // English, then Welsh (cynghorydd, aelodau, swyddogion, tîm rheoli, sylwedydd).
        "cabinet" | "member" | "members" | "councillor" | "councillors" | "cllr" | "cynghorydd"
        | "cynghorwyr" | "aelod" | "aelodau" => Some(Group::Cabinet),
        "management"
        | "managementteam"
        | "officer"
        | "officers"
        | "clt"
        | "cmt"
        | "slt"
        | "corporatemanagementteam"
        | "corporateleadershipteam"
        | "swyddog"
        | "swyddogion"
        | "rheoli"
        | "tîmrheoli"
        | "tîmrheolicorfforaethol" => Some(Group::Management),
        "observer" | "observers" | "sylwedydd" | "sylwedyddion" | "arsylwr" | "arsylwyr" => {
            Some(Group::Observer)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_tabs_and_refusals_by_line() {
        let text = "Cllr Amina Patel, cabinet, Leader of the Council\n\n\
                    Sam Reed\tCLT\tDirector of Place, Growth and Regeneration\n\
                    Jo Bloggs\n\
                    Ann Lee, treasurer, Finance\n\
                    , cabinet\n\
                    Tom Oduya, Officers, Director of Resources, and Deputy Chief Executive";
        let (people, refused) = read_pasted(text);
        assert_eq!(people.len(), 3);
        assert_eq!(people[0].name, "Cllr Amina Patel");
        assert_eq!(
            people[0].job_title.as_deref(),
            Some("Leader of the Council")
        );
        assert_eq!(people[1].group, Group::Management);
        assert_eq!(
            people[1].job_title.as_deref(),
            Some("Director of Place, Growth and Regeneration")
        );
        assert_eq!(
            people[2].job_title.as_deref(),
            Some("Director of Resources, and Deputy Chief Executive")
        );
        let lines: Vec<usize> = refused.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![4, 5, 6]);
        assert!(refused[0].why.to_string().contains("team is missing"));
        assert!(refused[1]
            .why
            .to_string()
            .contains("\"treasurer\" is not a team"));
        assert!(refused[2].why.to_string().contains("name is missing"));
    }
}
